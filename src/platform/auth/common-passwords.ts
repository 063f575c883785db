/**
 * A blocklist of common passwords, built in code (nothing is downloaded): the well-known most common
 * passwords and their patterns — common words and names (English and pinyin), keyboard walks and digit
 * runs, each with the usual decorations (capital first letter, leet spelling, years 1950–2039, 1/12/123…,
 * `!`, `@`, `#`). A password is refused when it is on the list exactly, or when what is left of it after
 * removing leading/trailing digits and symbols and undoing leet spelling is one of the words or walks
 * (`Passw0rd!`, `P@ssword2026`, `Qwerty123!`, `Woaini1314` …). The check is case-insensitive.
 */

/** Common words, names and phrases that make up most of the leaked-password lists (lower case, no leet). */
const WORDS = `password passwd pass word passport secret letmein welcome welcom hello hi love iloveyou loveyou lovely lover
admin administrator root user guest test tester testing demo default system login logon master manager super superman
batman spiderman ironman monkey dragon tiger lion eagle shadow sunshine princess prince football baseball basketball
soccer hockey golf tennis jordan michael michelle jennifer jessica ashley daniel charlie thomas robert william david
george andrew joshua matthew anthony hunter killer pepper ginger cookie chocolate cheese banana apple orange lemon
summer winter spring autumn flower freedom whatever trustno trustnoone starwars pokemon nintendo computer internet
google yahoo facebook twitter microsoft windows linux ubuntu oracle mysql postgres server network access changeme
change changeit newpassword mypassword mypass nopass nothing secure security private public office company business
money family friend friends happy smile angel baby babygirl sweet sweetie honey darling heaven hotmail gmail qq
china beijing shanghai shenzhen guangzhou zhongguo woaini woaiwojia aini laopo laogong baobao wangyi baidu tencent
huawei xiaomi alibaba taobao jiayou nihao mima mimamima zhangwei wangwei liwei liuyang zhangsan lisi wangwu
zhaoliu chenchen lili xiaoming xiaohong qwerty qwertz azerty hello world helloworld welcome letmein master
dragon monkey abc abcd abcde abcdef abcdefg abcdefgh abcdefghi abcdefghij abc abcabc aaa aaaa aaaaaa asd asdf
asdfg asdfgh asdfghjkl qwe qwer qwert qwertyu qwertyui qwertyuiop zxc zxcv zxcvb zxcvbn zxcvbnm qaz qazwsx
qazwsxedc qazxsw wsx edc rfv tgb yhn ujm asdzxc qweasd qweasdzxc zaq zaqxsw zaq1 xsw2 qaz2wsx poiuy lkjhg mnbvc
poiuytrewq lkjhgfdsa mnbvcxz passwort motdepasse contrasena senha parola haslo salasana adminadmin rootroot
user123 test123 guest123 aa bb xx zz iloveu princesa lovers lovelove fuck fuckyou fucker bitch asshole sex sexy
hacker hack matrix mustang ferrari porsche harley corvette mercedes bmw toyota honda nissan yamaha cisco
zhimakaimen`
  .split(/\s+/)
  .filter(Boolean);

/** Keyboard walks and digit runs that are passwords by themselves (after decoration is removed). */
const WALKS = [
  '1qaz2wsx',
  '1qaz2wsx3edc',
  '1q2w3e',
  '1q2w3e4r',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  'q1w2e3r4',
  'q1w2e3r4t5',
  'a1b2c3',
  'a1b2c3d4',
  'zaq12wsx',
  '!qaz2wsx',
  'qwer1234',
  'asdf1234',
  'zxcv1234',
  'abcd1234',
  'abc12345',
  'aa123456',
  'a123456',
  'a12345678',
  'qq123456',
  'password1',
  'p4ssw0rd',
];

/** The most common all-digit passwords and digit patterns. */
function digitPasswords(): string[] {
  const out = ['123456', '1234567', '12345678', '123456789', '1234567890', '0123456789', '987654321', '9876543210', '147258369', '159357', '741852963'];
  out.push('11111111', '00000000', '88888888', '66666666', '12341234', '11223344', '5201314', '1314520', '52013145201314', '12121212', '123123123');
  for (let y = 1950; y < 2040; y++) for (let m = 1; m <= 12; m++) out.push(`${y}${String(m).padStart(2, '0')}01`);
  return out;
}

const SUFFIXES = ['', '1', '12', '123', '1234', '12345', '123456', '!', '1!', '123!', '@', '@123', '#', '#1', '.', '666', '888', '520', '1314', '521'];

function years(): string[] {
  const ys: string[] = [];
  for (let y = 1950; y < 2040; y++) ys.push(String(y), `${y}!`, `@${y}`);
  for (let y = 0; y < 100; y++) ys.push(String(y).padStart(2, '0'));
  return ys;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '!': 'i', '|': 'l', '+': 't' };

/** What remains of a password once the decoration is removed: lower case, outer digits and symbols stripped, leet undone. */
export function passwordCore(password: string): string {
  const lower = password.toLowerCase();
  const stripped = lower.replace(/^[^a-z]+/, '').replace(/[^a-z]+$/, '');
  return [...stripped].map((c) => LEET[c] ?? c).join('');
}

let cache: { exact: Set<string>; cores: Set<string> } | null = null;

/** The list (built once): `exact` holds a few thousand full passwords, `cores` the words and walks they are made of. */
export function commonPasswords(): { exact: Set<string>; cores: Set<string> } {
  if (cache) return cache;
  const exact = new Set<string>([...digitPasswords(), ...WALKS]);
  const ys = years();
  for (const w of [...WORDS, ...WALKS]) {
    for (const s of SUFFIXES) exact.add(`${w}${s}`);
    for (const y of ys) exact.add(`${w}${y}`);
  }
  const cores = new Set<string>();
  for (const w of [...WORDS, ...WALKS]) {
    const c = passwordCore(w);
    if (c.length >= 3) cores.add(c);
    cores.add(w);
  }
  cache = { exact, cores };
  return cache;
}

/** Whether `password` is a common password (or a decorated form of one). */
export function isCommonPassword(password: string): boolean {
  const { exact, cores } = commonPasswords();
  const lower = password.toLowerCase();
  if (exact.has(lower)) return true;
  const core = passwordCore(password);
  if (core === '' || cores.has(core)) return true;
  // one repeated character or a run of the same short piece ("aaaaaaa1", "abcabcabc1")
  return /^(.{1,3})\1+$/.test(core);
}
