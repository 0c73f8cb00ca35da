" ftplugin/ladder.vim - editing .ladder files
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal commentstring=#\ %s
setlocal comments=:#
setlocal formatoptions-=t formatoptions+=croql
setlocal expandtab shiftwidth=2 softtabstop=2
" `gq` and `=` through the formatter: the same bytes as `ladderc fmt`
setlocal formatprg=ladderc\ fmt\ -

let b:undo_ftplugin = 'setlocal commentstring< comments< formatoptions< expandtab< shiftwidth< softtabstop< formatprg<'
