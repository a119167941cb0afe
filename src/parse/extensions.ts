// File endings the tool reads (a module of its own so the CLI can list inputs
// without loading any parser).
export const SUPPORTED_EXTENSIONS = ['md', 'markdown', 'mdx', 'txt', 'html', 'htm', 'pdf', 'hwpx', 'hwp'];
