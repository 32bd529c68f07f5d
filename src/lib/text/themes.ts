/**
 * Theme dictionary in the manner of KH Coder's coding rules: a theme is named (ja/en) and matched
 * by any of its keywords on an NFKC-normalised, lower-case copy of the text.
 */
export interface Theme {
  id: string;
  ja: string;
  en: string;
  keywords: string[];
}

export const DEFAULT_THEMES: Theme[] = [
  { id: 'father', ja: '父親支援', en: 'Father support', keywords: ['父親', 'パパ', 'プレパパ', '父子', 'お父さん', '男性の育児'] },
  { id: 'peer', ja: 'ピアサポート', en: 'Peer support', keywords: ['ピアサポート', '当事者同士', '先輩保護者', '先輩母親', '仲間づくり', '支え合える'] },
  { id: 'pregnancy', ja: '妊娠期・産前産後', en: 'Pregnancy and postpartum', keywords: ['妊娠期', '妊娠', '産前', '産後', 'プレママ', '出産', '両親学級', '母子健康手帳'] },
  { id: 'isolation', ja: '孤立防止', en: 'Preventing isolation', keywords: ['孤立', '孤独', '転入'] },
  { id: 'place', ja: '居場所づくり', en: 'Places to be', keywords: ['居場所', 'ひろば', '出張ひろば', '親子の居場所'] },
  { id: 'network', ja: '関係機関との連携・ネットワーク', en: 'Partner agencies and networks', keywords: ['関係機関', 'ネットワーク', '連携', '連絡会', '他機関', '協力体制', '協働', '地域ケアプラザ'] },
  { id: 'outreach', ja: 'アウトリーチ', en: 'Outreach', keywords: ['アウトリーチ', '出張', '出向く', '訪問'] },
  { id: 'support_system', ja: '横浜子育てサポートシステム', en: 'Yokohama child care support system', keywords: ['横浜子育てサポートシステム', '子育てサポートシステム', '提供会員', '利用会員'] },
  { id: 'consultation', ja: '相談支援', en: 'Consultation', keywords: ['相談', '利用者支援'] },
  { id: 'information', ja: '情報発信・周知', en: 'Information and outreach of news', keywords: ['周知', '情報発信', '発信', 'ホームページ', 'sns', '情報誌', 'リーフレット'] },
  { id: 'volunteers', ja: '人材育成・ボランティア', en: 'Volunteers and training', keywords: ['ボランティア', '人材育成', '担い手', '養成講座', 'サポーター'] },
  { id: 'multicultural', ja: '多文化・外国につながる家庭', en: 'Families with foreign roots', keywords: ['外国につながる', '外国人', '多言語', 'やさしい日本語', '多文化'] },
  { id: 'development', ja: '発達・療育', en: 'Development and therapy', keywords: ['発達', '療育につな', '療育支援'] },
  { id: 'seamless', ja: '切れ目のない支援', en: 'Seamless support', keywords: ['切れ目のない', '切れ目なく', '一体的な支援'] },
];
