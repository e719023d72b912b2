/** Caret colours with at least 4.5:1 contrast against white text labels; picked stably per user id. */
const PALETTE = ['#1f4e79', '#8e2c48', '#1d6b3a', '#7a3e00', '#5b2a86', '#006d77', '#9c1f1f', '#3b4a5a'];

export function colorForUser(userId: string): string {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length] ?? '#1f4e79';
}
