export function leftPad(text, width) {
  return String(text).padStart(width);
}
