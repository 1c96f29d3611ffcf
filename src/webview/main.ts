// The payload panel's webview code lands with the panel issue.
export {};
