" ftdetect/ladder.vim - .ladder files are ladders (ladderc, docs/language.md)
autocmd BufNewFile,BufRead *.ladder setfiletype ladder
