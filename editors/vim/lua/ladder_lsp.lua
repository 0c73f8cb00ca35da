-- ladder_lsp.lua - Neovim's built-in LSP client (0.7 and later) on
-- `ladderc lsp` for every .ladder buffer: diagnostics as you type, hover
-- (K), definition, references, rename, formatting, completion.
--
--   require('ladder_lsp').setup()                          -- ladderc on PATH
--   require('ladder_lsp').setup({ cmd = { '/path/to/ladderc', 'lsp' } })
--
-- One server for all the buffers of a folder (a ladder's imports are
-- relative to it). tests/suites/nvim.sh drives this very file.
local M = {}

local function root_of(buf)
  return vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ':p:h')
end

-- Starts (or reuses) the client for the buffer's folder and attaches it.
function M.attach(buf, opts)
  opts = opts or {}
  local config = {
    name = 'ladderc',
    cmd = opts.cmd or { 'ladderc', 'lsp' },
    root_dir = root_of(buf),
    on_attach = opts.on_attach,
    capabilities = opts.capabilities,
  }
  if vim.lsp.start then -- Neovim 0.8 and later: reuses a client by name and root
    return vim.lsp.start(config, { bufnr = buf })
  end
  M.clients = M.clients or {}
  local id = M.clients[config.root_dir]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    M.clients[config.root_dir] = id
  end
  if id then
    vim.lsp.buf_attach_client(buf, id)
  end
  return id
end

function M.setup(opts)
  local group = vim.api.nvim_create_augroup('ladder_lsp', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'ladder',
    callback = function(args) M.attach(args.buf, opts) end,
  })
end

return M
