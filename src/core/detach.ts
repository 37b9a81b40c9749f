/**
 * A copy of a string that shares no memory with the string it was cut from. V8 represents a
 * slice of 13 or more characters as a view into its parent, so a remembered slice of a document
 * keeps the whole document (every version of an edited one) alive. Memos that outlive a document
 * store detached copies. Costs a copy; use it only when storing.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf16le').toString('utf16le');
}
