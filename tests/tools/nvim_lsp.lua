-- nvim_lsp.lua - headless Neovim as a real client of `ladderc lsp` (issue
-- 14), and the Vim syntax of editors/vim. Run by tests/suites/nvim.sh:
--   nvim --headless -u NONE -i NONE -n -c 'luafile tests/tools/nvim_lsp.lua'
-- with the environment:
--   NL_ROOT     the checkout (editors/vim goes on the runtimepath)
--   NL_LADDERC  the ladderc to run
--   NL_SYNTAX   a valid ladder whose syntax items are checked
--   NL_FILE     a ladder with one mistake, opened in the LSP client
--   NL_OUT      where each check writes "ok NAME" or "FAIL NAME: WHY"
-- Every wait polls (vim.wait with a condition) under a bound that only a
-- hang reaches (NL_WAIT_MS, 20 s); no check depends on a time.
local env = vim.env
local wait_ms = tonumber(env.NL_WAIT_MS or '20000')
local out = assert(io.open(env.NL_OUT, 'w'))

local function report(name, ok, why)
  -- one line each: nvim.sh reads a line per check
  local line = (ok and 'ok ' or 'FAIL ') .. name .. (ok and '' or (': ' .. tostring(why)))
  out:write((line:gsub('%s+', ' ')) .. '\n')
  out:flush()
  return ok
end

local function check(name, fn)
  local ok, err = pcall(fn)
  return report(name, ok, err)
end

local function expect_eq(what, want, got)
  if want ~= got then
    error(string.format('%s: expected %s, got %s', what, vim.inspect(want), vim.inspect(got)), 0)
  end
end

-- The 1-based line of the first line of buf that matches pattern, and the
-- 0-based byte column where the match starts.
local function find(buf, pattern)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, true)) do
    local col = line:find(pattern)
    if col then
      return i, col - 1
    end
  end
  error('no line matches ' .. pattern, 0)
end

vim.opt.runtimepath:prepend(env.NL_ROOT .. '/editors/vim')
vim.cmd('filetype plugin on')
vim.cmd('syntax enable')

------------------------------------------------------------------------
-- The Vim syntax and the filetype plugin

-- The syntax group at a 1-based line and column, and the group it links
-- to (the default colours link on: Function to Identifier)
local function syntax_at(line, col)
  local name = vim.fn.synIDattr(vim.fn.synID(line, col, 1), 'name')
  local link = vim.fn.execute('highlight ' .. name):match('links to (%w+)')
  return name, link
end

local function expect_syntax(buf, pattern, offset, group, linked)
  local line, col = find(buf, pattern)
  local name, trans = syntax_at(line, col + 1 + offset)
  expect_eq(pattern .. ' group', group, name)
  if linked then
    expect_eq(pattern .. ' highlight', linked, trans)
  end
end

vim.cmd('edit ' .. vim.fn.fnameescape(env.NL_SYNTAX))
local sbuf = vim.api.nvim_get_current_buf()

check('filetype and commentstring', function()
  expect_eq('filetype', 'ladder', vim.bo.filetype)
  expect_eq('syntax', 'ladder', vim.b.current_syntax)
  expect_eq('commentstring', '# %s', vim.bo.commentstring)
end)

check('syntax items exist', function()
  for _, group in ipairs({ 'ladderStatement', 'ladderImport', 'ladderClause', 'ladderKind', 'ladderDefinition',
      'ladderArrow', 'ladderLevel', 'ladderNumber', 'ladderString', 'ladderComment', 'ladderError' }) do
    local listed = vim.api.nvim_exec('syntax list ' .. group, true)
    if not listed:find(group, 1, true) then
      error(group .. ' is not a syntax item', 0)
    end
  end
end)

check('syntax groups on a ladder', function()
  expect_syntax(sbuf, '^role ', 0, 'ladderStatement', 'Statement')
  expect_syntax(sbuf, '^levels ', 0, 'ladderStatement', 'Statement')
  expect_syntax(sbuf, '^company ', 0, 'ladderStatement', 'Statement')
  expect_syntax(sbuf, '^role senior_engineer', 5, 'ladderDefinition', 'Function')
  expect_syntax(sbuf, ' level L5 ', 1, 'ladderClause', 'Keyword')
  expect_syntax(sbuf, ' level L5 ', 7, 'ladderLevel', 'Constant')
  expect_syntax(sbuf, '"Staff Engineer"', 1, 'ladderString', 'String')
  expect_syntax(sbuf, '^# ', 0, 'ladderComment', 'Comment')
  expect_syntax(sbuf, ' %-> ', 1, 'ladderArrow', 'Operator')
  expect_syntax(sbuf, ' lateral', 1, 'ladderKind', 'Keyword')
  expect_syntax(sbuf, '^years promotion', 6, 'ladderKind', 'Keyword')
  expect_syntax(sbuf, '^years promotion 3', 16, 'ladderNumber', 'Number')
end)

------------------------------------------------------------------------
-- The language server through Neovim's client (editors/vim/lua/ladder_lsp.lua)

vim.cmd('edit ' .. vim.fn.fnameescape(env.NL_FILE))
local buf = vim.api.nvim_get_current_buf()
local lsp = require('ladder_lsp')
local client_id = lsp.attach(buf, { cmd = { env.NL_LADDERC, 'lsp' } })

local function client()
  return client_id and vim.lsp.get_client_by_id(client_id)
end

local started = check('the server starts and initializes', function()
  if not client_id then error('no client', 0) end
  -- a server that exits ends the wait too
  vim.wait(wait_ms, function() local c = client(); return not c or c.initialized end, 10)
  local c = client()
  if not (c and c.initialized) then error(c and 'not initialized' or 'the server exited', 0) end
end)

-- One request answered by the server: its result (an error if none).
local function request(method, params)
  local answers, err = vim.lsp.buf_request_sync(buf, method, params, wait_ms)
  if not answers then error(method .. ': ' .. tostring(err), 0) end
  local answer = answers[client_id]
  if not answer then error(method .. ': no answer', 0) end
  local err = answer.err or answer.error   -- 0.7 says error, later versions err
  if err then error(method .. ': ' .. vim.inspect(err), 0) end
  return answer.result
end

local function position_of(pattern, offset)
  local line, col = find(buf, pattern)
  return { textDocument = vim.lsp.util.make_text_document_params(buf),
           position = { line = line - 1, character = col + (offset or 0) } }
end

local function diagnostics()
  return vim.diagnostic.get(buf)
end

local steps = {}

steps[#steps + 1] = { 'diagnostics of the mistake on open', function()
  if not vim.wait(wait_ms, function() return #diagnostics() > 0 end, 10) then
    error('no diagnostics', 0)
  end
  local d = diagnostics()
  expect_eq('number of diagnostics', 1, #d)
  local line = find(buf, 'staff_enginer$')
  expect_eq('line', line - 1, d[1].lnum)
  expect_eq('code', 'E110', d[1].code)
  if not d[1].message:find('staff_enginer', 1, true) then error('message: ' .. d[1].message, 0) end
end }

-- the markdown text of a hover's answer
local function hover_text(r)
  local contents = r and r.contents
  local text = type(contents) == 'table' and (contents.value or contents[1]) or contents
  if type(text) ~= 'string' then error('hover: ' .. vim.inspect(r), 0) end
  return text
end

steps[#steps + 1] = { 'hover on the mistake: the explain text of its code', function()
  local text = hover_text(request('textDocument/hover', position_of('staff_enginer$', 3)))
  if not text:find('E110', 1, true) then error('hover: ' .. text, 0) end
  local explain = vim.fn.system({ env.NL_LADDERC, 'explain', 'E110' })
  local first = explain:match('[^\n]*%w[^\n]*')   -- its first line with words
  if not (first and text:find(first, 1, true)) then error('hover lacks ' .. vim.inspect(first) .. ': ' .. text, 0) end
end }

steps[#steps + 1] = { 'the quick fix of the mistake, applied, clears the diagnostic', function()
  local d = diagnostics()[1]
  local r = request('textDocument/codeAction', {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = { { range = { start = { line = d.lnum, character = d.col },
                                            ['end'] = { line = d.end_lnum, character = d.end_col } },
                                  code = d.code, message = d.message, severity = d.severity } } },
  })
  local fixes = vim.tbl_filter(function(a) return a.kind == 'quickfix' end, r or {})
  expect_eq('quick fixes', 1, #fixes)
  if not fixes[1].title:find('staff_engineer', 1, true) then error('title: ' .. fixes[1].title, 0) end
  -- applied by the client: an incremental change of the document
  vim.lsp.util.apply_workspace_edit(fixes[1].edit, client().offset_encoding)
  expect_eq('the line', 'senior_engineer  -> staff_engineer', vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, true)[1])
  if not vim.wait(wait_ms, function() return #diagnostics() == 0 end, 10) then
    error('still: ' .. vim.inspect(diagnostics()), 0)
  end
end }

steps[#steps + 1] = { 'hover on a role: name, track, levels, titles, box, moves', function()
  local text = hover_text(request('textDocument/hover', position_of('^staff_engineer ', 2)))
  for _, want in ipairs({ 'Staff Engineer', 'Individual contributor', 'L6..L7', 'Staff Software Engineer',
                          'L6-8', 'Senior Engineer', 'Principal Engineer' }) do
    if not text:find(want, 1, true) then error('no ' .. want .. ' in ' .. text, 0) end
  end
end }

steps[#steps + 1] = { 'definition of a role', function()
  local r = request('textDocument/definition', position_of('^staff_engineer ', 2))
  if r and r.uri then r = { r } end
  expect_eq('locations', 1, r and #r)
  local line = find(buf, '^role staff_engineer ')
  expect_eq('line', line - 1, (r[1].range or r[1].targetSelectionRange).start.line)
  expect_eq('uri', vim.uri_from_bufnr(buf), r[1].uri or r[1].targetUri)
end }

-- the lines where the id stands as a word
local function count_word(id)
  local n = 0
  for _, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, true)) do
    for _ in (' ' .. line .. ' '):gmatch('[^%w_]' .. id .. '[^%w_]') do n = n + 1 end
  end
  return n
end

steps[#steps + 1] = { 'references of a role', function()
  local params = position_of('^staff_engineer ', 2)
  params.context = { includeDeclaration = true }
  local r = request('textDocument/references', params)
  expect_eq('references', count_word('staff_engineer'), r and #r)
end }

-- the ids and names of the buffer's role lines
local function roles()
  local ids, names = {}, {}
  for _, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, true)) do
    local id, name = line:match('^role%s+([%w_]+)%s+"([^"]*)"')
    if id then ids[#ids + 1], names[#names + 1] = id, name end
  end
  return ids, names
end

steps[#steps + 1] = { 'completion after ->: every role', function()
  local params = position_of('^staff_engineer   %-> principal', 0)
  params.position.character = #'staff_engineer   -> '
  local r = request('textDocument/completion', params)
  local items = r and (r.items or r) or {}
  local labels = {}
  for _, item in ipairs(items) do labels[item.label] = true end
  local ids = roles()
  for _, id in ipairs(ids) do
    if not labels[id] then error('no ' .. id .. ' among ' .. vim.inspect(vim.tbl_keys(labels)), 0) end
  end
  expect_eq('items', #ids, #items)
end }

steps[#steps + 1] = { 'document symbols: tracks, boxes, roles, companies', function()
  local r = request('textDocument/documentSymbol', { textDocument = vim.lsp.util.make_text_document_params(buf) })
  local names = {}
  local function walk(list)
    for _, sym in ipairs(list or {}) do names[sym.name] = true; walk(sym.children) end
  end
  walk(r)
  local _, role_names = roles()
  for _, want in ipairs(vim.list_extend({ 'Individual contributor', 'L6-8', 'Google', 'Microsoft' }, role_names)) do
    if not names[want] then error('no symbol ' .. want, 0) end
  end
end }

steps[#steps + 1] = { 'prepareRename, and a rename that would clash refused', function()
  local params = position_of('^staff_engineer ', 2)
  local r = request('textDocument/prepareRename', params)
  local range = r and (r.range or r)
  expect_eq('start', 0, range and range.start and range.start.character)
  expect_eq('end', #'staff_engineer', range['end'].character)
  local answers = vim.lsp.buf_request_sync(buf, 'textDocument/rename',
    vim.tbl_extend('force', params, { newName = 'principal' }), wait_ms)
  local answer = answers and answers[client_id]
  if not (answer and (answer.err or answer.error)) then error('a rename onto principal: ' .. vim.inspect(answer), 0) end
end }

steps[#steps + 1] = { 'rename a role', function()
  local before = count_word('staff_engineer')
  local r = request('textDocument/rename',
    vim.tbl_extend('force', position_of('^staff_engineer ', 2), { newName = 'staff_eng' }))
  vim.lsp.util.apply_workspace_edit(r, client().offset_encoding)
  expect_eq('old name left', 0, count_word('staff_engineer'))
  expect_eq('new name', before, count_word('staff_eng'))
end }

steps[#steps + 1] = { 'formatting gives the bytes of ladderc fmt', function()
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, true)
  local want = vim.fn.system({ env.NL_LADDERC, 'fmt', '-' }, table.concat(lines, '\n') .. '\n')
  expect_eq('ladderc fmt status', 0, vim.v.shell_error)
  if want == table.concat(lines, '\n') .. '\n' then error('the buffer is formatted already', 0) end
  local r = request('textDocument/formatting',
    { textDocument = vim.lsp.util.make_text_document_params(buf), options = { tabSize = 2, insertSpaces = true } })
  vim.lsp.util.apply_text_edits(r, buf, client().offset_encoding)
  expect_eq('formatted', want, table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, true), '\n') .. '\n')
end }

steps[#steps + 1] = { 'positions in UTF-16 after an emoji and accents', function()
  -- the role line of the renamed role, its name with characters of 2, 3
  -- and 4 bytes (the emoji two UTF-16 code units)
  local line = find(buf, '^role staff_eng ')
  local text = vim.api.nvim_buf_get_lines(buf, line - 1, line, true)[1]
  text = text:gsub('"Staff Engineer"', '"Staff \u{1F680} Engin\u{E9}er \u{2192}"')
  vim.api.nvim_buf_set_lines(buf, line - 1, line, true, { text })
  local byte = text:find(' ic ', 1, true)   -- the space before ic: ic's 0-based byte column
  local _, utf16 = vim.str_utfindex(text, byte)
  if utf16 == byte then error('the line has no character outside ASCII', 0) end
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf),
                   position = { line = line - 1, character = utf16 + 1 }, context = { includeDeclaration = false } }
  local r = request('textDocument/references', params)
  local here = vim.tbl_filter(function(l) return l.range.start.line == line - 1 end, r or {})
  expect_eq('references on the line', 1, #here)
  expect_eq('start', utf16, here[1].range.start.character)
  expect_eq('end', utf16 + 2, here[1].range['end'].character)
  local d = request('textDocument/definition', params)
  if d and d.uri then d = { d } end
  expect_eq('definition', (find(buf, '^track ic ')) - 1, d and d[1] and (d[1].range or d[1].targetSelectionRange).start.line)
end }

if started then
  for _, step in ipairs(steps) do
    if not check(step[1], step[2]) then break end  -- the next steps build on this one
  end
  check('shutdown', function()
    local c = client()
    c.stop()
    if not vim.wait(wait_ms, function() return c.is_stopped() end, 10) then error('not stopped', 0) end
  end)
end

out:close()
vim.cmd('qa!')
