// extension.js - the VS Code side of `ladderc lsp`: starts the server on
// standard input and output for every .ladder file. Everything the editor
// shows (diagnostics, hover, definition, references, rename, completion,
// outline, formatting, quick fixes) comes from the server; the highlighting
// comes from syntaxes/ladder.tmLanguage.json.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
    const command = vscode.workspace.getConfiguration('ladderc').get('path') || 'ladderc';
    const serverOptions = { command, args: ['lsp'], transport: TransportKind.stdio };
    const clientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'ladder' },
            { scheme: 'untitled', language: 'ladder' },
        ],
    };
    client = new LanguageClient('ladderc', 'ladderc lsp', serverOptions, clientOptions);
    context.subscriptions.push(client);
    return client.start();
}

function deactivate() {
    return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
