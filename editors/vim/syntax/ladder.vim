" syntax/ladder.vim - highlighting for .ladder files (ladderc,
" docs/language.md "Lexical rules" and "Statements"; the VS Code grammar is
" editors/vscode/syntaxes/ladder.tmLanguage.json). Checked by
" tests/suites/nvim.sh.
if exists('b:current_syntax')
  finish
endif

syntax case match

" statement keywords open a line; the others are clauses and kinds
syntax match ladderStatement /^\s*\zs\<\(ladder\|axis\|levels\|track\|box\|years\|role\|company\|competency\|layout\)\>/
syntax match ladderImport /^\s*\zsimport\>/
syntax keyword ladderClause track level at levels years contained containedin=ladderRoleLine,ladderTrackLine,ladderMove
syntax keyword ladderKind promotion lateral downward
syntax match ladderBlockWord /^\s*\zs\<\(summary\|link\)\>\ze\s\+"/
syntax keyword ladderConstant hard soft relative exact

" ids: defined after role, track, company, competency; used elsewhere
syntax match ladderDefinition /\%(^\s*\%(role\|track\|company\|competency\)\s\+\)\@<=[a-z][a-z0-9_]*/
syntax match ladderMove /^\s*[a-z][a-z0-9_]*\s*->.*$/ contains=ladderArrow,ladderRoleUse,ladderKind,ladderClause,ladderRange,ladderNumber,ladderComment
syntax match ladderRoleUse /\<[a-z][a-z0-9_]*\>/ contained
syntax match ladderArrow /->/ contained
syntax match ladderRoleLine /^\s*role\s.*$/ contains=ladderStatement,ladderDefinition,ladderClause,ladderString,ladderLevel,ladderRange,ladderNumber,ladderComment,ladderBrace,ladderTrackUse
syntax match ladderTrackUse /\%(\<track\s\+\)\@<=[a-z][a-z0-9_]*/ contained
syntax match ladderTrackLine /^\s*track\s.*$/ contains=ladderStatement,ladderDefinition,ladderClause,ladderString,ladderLevel,ladderRange,ladderOperator,ladderComment

" values
syntax match ladderLevel /\<[A-Z][A-Za-z]*[0-9]\+\>/
syntax match ladderNumber /\%(^\|[^A-Za-z0-9_.]\)\zs-\?[0-9]\+\%(\.[0-9]\+\)\?\>/
syntax match ladderRange /\.\./
syntax match ladderOperator /=/
syntax match ladderBrace /[{}]/
syntax match ladderError /\<[A-Z][A-Za-z]*[0-9]\+-\%([A-Z][A-Za-z]*\)\?[0-9]\+\>/
syntax region ladderString start=/"/ skip=/\\[\\"]/ end=/"\|$/ oneline contains=ladderEscape
syntax match ladderEscape /\\[\\"]/ contained
syntax match ladderComment /#.*$/ contains=@Spell

highlight default link ladderStatement Statement
highlight default link ladderImport Include
highlight default link ladderClause Keyword
highlight default link ladderKind Keyword
highlight default link ladderBlockWord Keyword
highlight default link ladderConstant Constant
highlight default link ladderDefinition Function
highlight default link ladderRoleUse Identifier
highlight default link ladderTrackUse Type
highlight default link ladderArrow Operator
highlight default link ladderOperator Operator
highlight default link ladderRange Operator
highlight default link ladderLevel Constant
highlight default link ladderNumber Number
highlight default link ladderBrace Delimiter
highlight default link ladderString String
highlight default link ladderEscape SpecialChar
highlight default link ladderComment Comment
highlight default link ladderError Error

let b:current_syntax = 'ladder'
