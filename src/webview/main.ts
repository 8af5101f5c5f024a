// Placeholder: replaced by the session panel page script.
export {};
