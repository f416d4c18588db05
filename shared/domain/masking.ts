/** Personal data is masked by default (DESIGN.md): ID 1101**********123X, phone 138****8000, name 张*明. */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  return id.length <= 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

export function maskName(name: string | null): string | null {
  if (!name) return name;
  const chars = [...name];
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** An address down to its first 6 characters (the city and district): 北京市朝阳区… */
export function maskAddress(address: string | null): string | null {
  if (!address) return address;
  const chars = [...address];
  return chars.length <= 6 ? address : `${chars.slice(0, 6).join('')}…`;
}
