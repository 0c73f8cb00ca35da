-- editor_screenshot.lua - the picture of docs/editors.md: a ladder in
-- Neovim with the Vim syntax of editors/vim, the diagnostics of
-- `ladderc lsp` (underlined, their message at the end of the line) and the
-- hover on a role, written as an HTML page (scripts/editor-screenshot.sh
-- takes the screenshot with headless chromium). Run by that script:
--   NS_ROOT, NS_LADDERC, NS_FILE (the ladder), NS_HOVER (a Lua pattern: the
--   hover is asked at its first match, or at its '()'), NS_OUT (the HTML)
local env = vim.env
vim.opt.runtimepath:prepend(env.NS_ROOT .. '/editors/vim')
vim.o.background = 'light'
vim.o.termguicolors = true
vim.cmd('filetype plugin on')
vim.cmd('syntax enable')
vim.cmd('edit ' .. vim.fn.fnameescape(env.NS_FILE))
local buf = vim.api.nvim_get_current_buf()
local id = require('ladder_lsp').attach(buf, { cmd = { env.NS_LADDERC, 'lsp' } })
vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 10)

local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, true)
local hover_line, hover_col
for i, l in ipairs(lines) do
  local c, _, at = l:find(env.NS_HOVER)   -- at: a position capture, '()', when it has one
  if c then hover_line, hover_col = i - 1, (tonumber(at) or c) - 1 break end
end
local answers = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
  textDocument = vim.lsp.util.make_text_document_params(buf),
  position = { line = hover_line, character = hover_col + 1 } }, 20000)
local hover = answers and answers[id] and answers[id].result and answers[id].result.contents.value or ''

local function esc(s)
  return (s:gsub('&', '&amp;'):gsub('<', '&lt;'):gsub('>', '&gt;'))
end

-- the hover's Markdown, as the editor shows it: bold, lists, escapes
local function markdown(md)
  local out = {}
  for l in (md .. '\n'):gmatch('([^\n]*)\n') do
    l = esc(l):gsub('\\(.)', '%1'):gsub('%*%*(.-)%*%*', '<b>%1</b>'):gsub('`(.-)`', '<code>%1</code>')
    if l:match('^%- ') then out[#out + 1] = '<li>' .. l:sub(3) .. '</li>'
    elseif l ~= '' then out[#out + 1] = '<p>' .. l .. '</p>' end
  end
  return table.concat(out, '\n')
end

local function colour(line, col)
  local sid = vim.fn.synIDtrans(vim.fn.synID(line, col, 1))
  local fg = vim.fn.synIDattr(sid, 'fg#', 'gui')
  local bold = vim.fn.synIDattr(sid, 'bold', 'gui') == '1'
  return (fg ~= '' and ('color:' .. fg .. ';') or '') .. (bold and 'font-weight:bold;' or '')
end

local diags = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  diags[d.lnum] = diags[d.lnum] or {}
  table.insert(diags[d.lnum], d)
end

local html = { [[<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fdfdfd; font: 14px/1.45 "DejaVu Sans Mono", monospace; }
.ed { position: relative; padding: 8px 0; }
.ln, .l { font: 14px "DejaVu Sans Mono", monospace; }
.ln { color: #999; display: inline-block; width: 3em; text-align: right; padding-right: 1em; }
.l { white-space: pre; height: 20px; line-height: 20px; }
.s1 { text-decoration: underline wavy #d00; text-decoration-skip-ink: none; }
.s2 { text-decoration: underline wavy #d80; text-decoration-skip-ink: none; }
.vt1 { color: #d00; padding-left: 2em; } .vt2 { color: #b60; padding-left: 2em; }
.hover { position: absolute; background: #f4f4f4; border: 1px solid #bbb; box-shadow: 0 2px 6px #0003;
  padding: 4px 12px; font: 13px/1.4 "DejaVu Sans", sans-serif; width: 560px; }
.hover p { margin: 4px 0; } .hover li { margin-left: 1em; }
</style></head><body><div class="ed">]] }
for i, l in ipairs(lines) do
  local spans, last, run = {}, nil, ''
  local d = diags[i - 1]
  local function flush()
    if run ~= '' then spans[#spans + 1] = '<span style="' .. last .. '">' .. esc(run) .. '</span>' end
    run = ''
  end
  for c = 1, #l do
    local style = colour(i, c)
    for _, x in ipairs(d or {}) do
      if c - 1 >= x.col and c - 1 < x.end_col then style = style .. '" class="s' .. math.min(x.severity, 2) end
    end
    if style ~= last then flush() last = style end
    run = run .. l:sub(c, c)
  end
  flush()
  local vt = ''
  for _, x in ipairs(d or {}) do vt = vt .. '<span class="vt' .. math.min(x.severity, 2) .. '">■ ' .. esc(x.message) .. ' [' .. x.code .. ']</span>' end
  html[#html + 1] = '<div class="l"><span class="ln">' .. i .. '</span>' .. table.concat(spans) .. vt .. '</div>'
  if i - 1 == hover_line then
    html[#html + 1] = '<div class="hover" style="left:calc(' .. (4 + hover_col) .. 'ch + 8px); top:' .. (8 + i * 20 + 2) ..
      'px">' .. markdown(hover) .. '</div>'
  end
end
html[#html + 1] = '</div></body></html>'
local f = assert(io.open(env.NS_OUT, 'w'))
f:write(table.concat(html, '\n'))
f:close()
vim.cmd('qa!')
