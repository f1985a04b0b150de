// People's names from several languages and scripts. Accents, Turkish dotted/dotless i,
// Vietnamese stacked diacritics, CJK without spaces and right-to-left Arabic are all here on
// purpose: sorting, search (diacritic folding), initials and bidi layout all trip on them.
import type { Rng } from './random'

export type Culture =
  | 'en'
  | 'ga'
  | 'fr'
  | 'de'
  | 'es'
  | 'pt'
  | 'sv'
  | 'pl'
  | 'tr'
  | 'vi'
  | 'zh'
  | 'ja'
  | 'ko'
  | 'ar'
  | 'hi'
  | 'ru'
  | 'el'

interface NamePool {
  readonly first: readonly string[]
  readonly last: readonly string[]
  /** Family name first, and whether a space separates the two. */
  readonly order?: 'family-first' | 'family-first-joined'
  readonly middle?: readonly string[]
}

// prettier-ignore
const POOLS: Record<Culture, NamePool> = {
  en: {
    first: ['Oliver', 'Amelia', 'Harry', 'Isla', 'Jack', 'Ava', 'Noah', 'Mia', 'George', 'Sophie', 'Zoë', 'Chloë', 'Ruby', 'Leo', 'Freya', 'Arthur', 'Daisy', 'Theo', 'Poppy', 'Alfie', 'Grace', 'Sam', 'Jo', 'Kate'],
    last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright', 'Hughes', 'Green', 'Hall', 'Clarke', 'Jackson', 'Wood', 'Turner', 'Hill', 'Moore', 'Cooper', 'Ward', 'Baker'],
  },
  ga: {
    first: ['Siobhán', 'Niamh', 'Seán', 'Aoife', 'Ciarán', 'Saoirse', 'Órla', 'Pádraig', 'Caoimhe', 'Eoin'],
    last: ["O'Brien", 'Ó Súilleabháin', 'McAllister', "O'Connor", 'Mac Giolla', 'Ní Bhriain', 'Byrne', 'Kavanagh'],
  },
  fr: {
    first: ['François', 'Amélie', 'Hélène', 'Chloé', 'Jérôme', 'Benoît', 'Céline', 'Léa', 'Loïc', 'Gaëlle', 'Noémie', 'Théo', 'Anaïs', 'Clément', 'Maëlys'],
    last: ['Lefèvre', 'Dubois', 'Moreau', 'Girard', 'Fournier', 'Lambert', 'Thévenin', 'Rousseau', 'Chevalier', 'Bézier', 'Lemaître', 'Dupré'],
  },
  de: {
    first: ['Jürgen', 'Jörg', 'Björn', 'Günther', 'Käthe', 'Lena', 'Lukas', 'Sören', 'Uwe', 'Jannik', 'Anja', 'Mareike'],
    last: ['Müller', 'Schröder', 'Groß', 'Weiß', 'Köhler', 'Schäfer', 'Krämer', 'Hoffmann', 'Fuchs', 'Meißner', 'Bäumer'],
  },
  es: {
    first: ['José', 'María', 'Begoña', 'Íñigo', 'Núria', 'Sofía', 'Álvaro', 'Raúl', 'Lucía', 'Martín', 'Inés', 'Andrés'],
    last: ['García', 'Fernández', 'Martínez', 'López', 'Gómez', 'Muñoz', 'Ibáñez', 'Peña', 'Núñez', 'Rodríguez', 'Pérez'],
  },
  pt: {
    first: ['João', 'Conceição', 'Gonçalo', 'Inês', 'Tomás', 'Leonor', 'Sebastião', 'Matilde'],
    last: ['Gonçalves', 'Simões', 'Araújo', 'Magalhães', 'Conceição', 'Assunção'],
  },
  sv: {
    first: ['Åsa', 'Björn', 'Märta', 'Linnéa', 'Göran', 'Åke', 'Maja', 'Ingrid', 'Elsa', 'Östen'],
    last: ['Ångström', 'Löfgren', 'Nyström', 'Åberg', 'Sjöberg', 'Lindqvist', 'Bergström', 'Öberg'],
  },
  pl: {
    first: ['Łukasz', 'Małgorzata', 'Wojciech', 'Zofia', 'Grzegorz', 'Agnieszka', 'Paweł', 'Żaneta'],
    last: ['Wiśniewski', 'Kowalczyk', 'Wójcik', 'Dąbrowska', 'Lewandowski', 'Zieliński', 'Szymańska'],
  },
  tr: {
    first: ['Şükrü', 'Çağla', 'Gülşen', 'Ömer', 'İbrahim', 'Ayşe', 'Özge', 'Barış', 'Ilgın', 'Işıl'],
    last: ['Yılmaz', 'Öztürk', 'Çelik', 'Şahin', 'Doğan', 'Aydın', 'Kılıç', 'Güneş'],
  },
  vi: {
    first: ['Lan', 'Hương', 'Minh', 'Tuấn', 'Thảo', 'Dũng', 'Phương', 'Quỳnh', 'Khánh', 'Việt'],
    middle: ['Văn', 'Thị', 'Đức', 'Ngọc', 'Thanh', 'Hữu'],
    last: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Đặng'],
    order: 'family-first',
  },
  zh: {
    first: ['芳', '伟', '娜', '秀英', '敏', '静', '丽', '强', '磊', '洋', '子涵', '欣怡'],
    last: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '欧阳'],
    order: 'family-first-joined',
  },
  ja: {
    first: ['花子', '太郎', '美咲', '翔太', '結衣', '大輝', 'さくら', 'ゆうき'],
    last: ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本'],
    order: 'family-first',
  },
  ko: {
    first: ['민준', '서연', '지우', '하은', '도윤', '예준', '수아'],
    last: ['김', '이', '박', '최', '정', '강'],
    order: 'family-first-joined',
  },
  ar: {
    first: ['محمد', 'فاطمة', 'أحمد', 'ليلى', 'يوسف', 'مريم', 'عمر', 'نور', 'Yusuf', 'Layla', 'Omar'],
    last: ['العلي', 'الحسن', 'الخطيب', 'المصري', 'النجار', 'حداد', 'Al-Haddad', 'El-Masri'],
  },
  hi: {
    first: ['Priya', 'Arjun', 'Ananya', 'Rohan', 'Aditi', 'Vikram', 'प्रिया', 'अर्जुन'],
    last: ['Sharma', 'Patel', 'Gupta', 'Iyer', 'Reddy', 'शर्मा', 'पटेल'],
  },
  ru: {
    first: ['Дмитрий', 'Анна', 'Сергей', 'Ольга', 'Алексей', 'Наталья', 'Юлия'],
    last: ['Иванов', 'Смирнова', 'Кузнецов', 'Попова', 'Соколов', 'Лебедева'],
  },
  el: {
    first: ['Γιώργος', 'Ελένη', 'Νίκος', 'Μαρία', 'Δημήτρης'],
    last: ['Παπαδόπουλος', 'Κωνσταντίνου', 'Νικολάου', 'Γεωργίου'],
  },
}

const CULTURES = Object.keys(POOLS) as Culture[]
// An English-speaking phone owner with an international circle of friends.
// prettier-ignore
const CULTURE_WEIGHTS: Record<Culture, number> = {
  en: 40, ga: 4, fr: 6, de: 5, es: 6, pt: 3, sv: 3, pl: 5, tr: 4,
  vi: 3, zh: 4, ja: 2, ko: 2, ar: 5, hi: 4, ru: 2, el: 2,
}

export function pickCulture(rng: Rng): Culture {
  return CULTURES[rng.weighted(CULTURES.map((c) => CULTURE_WEIGHTS[c]))] ?? 'en'
}

export interface PersonName {
  /** As stored in the address book. */
  readonly full: string
  /** What friends call them in a text ("Hi Zoë"). */
  readonly given: string
}

function compose(pool: NamePool, rng: Rng): PersonName {
  const given = rng.pick(pool.first)
  const family = rng.pick(pool.last)
  switch (pool.order) {
    case 'family-first-joined':
      return { full: family + given, given }
    case 'family-first':
      return pool.middle
        ? { full: `${family} ${rng.pick(pool.middle)} ${given}`, given }
        : { full: `${family} ${given}`, given }
    default:
      return { full: `${given} ${family}`, given }
  }
}

// Address books are not tidy: relatives saved by role, tradespeople by job, the odd emoji.
const NICKNAMES: readonly PersonName[] = [
  { full: 'Mum', given: 'Mum' },
  { full: 'Dad', given: 'Dad' },
  { full: 'Nan 👵', given: 'Nan' },
  { full: 'Plumber – Dave', given: 'Dave' },
  { full: 'Dr. Ana Pérez (dentist)', given: 'Ana' },
  { full: 'Landlord', given: 'there' },
  { full: 'Zoë 🌻', given: 'Zoë' },
  { full: 'Coach Okafor', given: 'Coach' },
  { full: 'Tante Käthe', given: 'Käthe' },
  { full: 'jules (new number)', given: 'Jules' },
]

/**
 * Unique names: `taken` holds every name handed out so far. Collisions get a middle initial,
 * then a numeric suffix, so even very large address books stay unambiguous.
 */
export function personName(rng: Rng, culture: Culture, taken: Set<string>): PersonName {
  if (rng.chance(0.04)) {
    const nick = rng.pick(NICKNAMES)
    if (!taken.has(nick.full)) {
      taken.add(nick.full)
      return nick
    }
  }
  const name = compose(POOLS[culture], rng)
  let full = name.full
  if (taken.has(full) && pooledOrder(culture) === undefined) {
    const parts = full.split(' ')
    full = `${parts[0] ?? ''} ${String.fromCharCode(65 + rng.int(26))}. ${parts.slice(1).join(' ')}`
  }
  for (let n = 2; taken.has(full); n++) full = `${name.full} ${n}`
  taken.add(full)
  return { full, given: name.given }
}

function pooledOrder(culture: Culture): NamePool['order'] {
  return POOLS[culture].order
}
