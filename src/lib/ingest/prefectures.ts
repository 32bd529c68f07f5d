/**
 * Japan's 47 prefectures by their JIS X 0401 code (the first two digits of every municipality's
 * JIS X 0402 code), with how many municipalities each has (Tokyo's 23 special wards included):
 * the national sample's shape, and how a municipality code names its prefecture.
 */
export interface Prefecture {
  code: string;
  name: string;
  nameEn: string;
  municipalities: number;
}

const LIST: Array<[string, string, number]> = [
  ['北海道', 'Hokkaido', 179], ['青森県', 'Aomori', 40], ['岩手県', 'Iwate', 33], ['宮城県', 'Miyagi', 35],
  ['秋田県', 'Akita', 25], ['山形県', 'Yamagata', 35], ['福島県', 'Fukushima', 59], ['茨城県', 'Ibaraki', 44],
  ['栃木県', 'Tochigi', 25], ['群馬県', 'Gunma', 35], ['埼玉県', 'Saitama', 63], ['千葉県', 'Chiba', 54],
  ['東京都', 'Tokyo', 62], ['神奈川県', 'Kanagawa', 33], ['新潟県', 'Niigata', 30], ['富山県', 'Toyama', 15],
  ['石川県', 'Ishikawa', 19], ['福井県', 'Fukui', 17], ['山梨県', 'Yamanashi', 27], ['長野県', 'Nagano', 77],
  ['岐阜県', 'Gifu', 42], ['静岡県', 'Shizuoka', 35], ['愛知県', 'Aichi', 54], ['三重県', 'Mie', 29],
  ['滋賀県', 'Shiga', 19], ['京都府', 'Kyoto', 26], ['大阪府', 'Osaka', 43], ['兵庫県', 'Hyogo', 41],
  ['奈良県', 'Nara', 39], ['和歌山県', 'Wakayama', 30], ['鳥取県', 'Tottori', 19], ['島根県', 'Shimane', 19],
  ['岡山県', 'Okayama', 27], ['広島県', 'Hiroshima', 23], ['山口県', 'Yamaguchi', 19], ['徳島県', 'Tokushima', 24],
  ['香川県', 'Kagawa', 17], ['愛媛県', 'Ehime', 20], ['高知県', 'Kochi', 34], ['福岡県', 'Fukuoka', 60],
  ['佐賀県', 'Saga', 20], ['長崎県', 'Nagasaki', 21], ['熊本県', 'Kumamoto', 45], ['大分県', 'Oita', 18],
  ['宮崎県', 'Miyazaki', 26], ['鹿児島県', 'Kagoshima', 43], ['沖縄県', 'Okinawa', 41],
];

export const PREFECTURES: readonly Prefecture[] = LIST.map(([name, nameEn, municipalities], i) => ({
  code: String(i + 1).padStart(2, '0'),
  name,
  nameEn,
  municipalities,
}));
