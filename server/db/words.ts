// Word lists for the seeded catalogue. Each Chinese word carries its pinyin
// (toneless, syllables separated by spaces, ü written as v) and an English
// rendering, so generated titles are searchable by pinyin and initials.
export interface Word {
  zh: string
  py: string
  en: string
}

export const MODIFIERS: Word[] = [
  { zh: '午夜', py: 'wu ye', en: 'Midnight' },
  { zh: '北方', py: 'bei fang', en: 'Northern' },
  { zh: '江湖', py: 'jiang hu', en: 'Jianghu' },
  { zh: '星辰', py: 'xing chen', en: 'Starlit' },
  { zh: '深海', py: 'shen hai', en: 'Deep Sea' },
  { zh: '雪山', py: 'xue shan', en: 'Snow Mountain' },
  { zh: '城市', py: 'cheng shi', en: 'City' },
  { zh: '东方', py: 'dong fang', en: 'Eastern' },
  { zh: '黄金', py: 'huang jin', en: 'Golden' },
  { zh: '沉默', py: 'chen mo', en: 'Silent' },
  { zh: '燃烧', py: 'ran shao', en: 'Burning' },
  { zh: '秘密', py: 'mi mi', en: 'Secret' },
  { zh: '最后', py: 'zui hou', en: 'Last' },
  { zh: '青春', py: 'qing chun', en: 'Youthful' },
  { zh: '迷失', py: 'mi shi', en: 'Lost' },
  { zh: '隐形', py: 'yin xing', en: 'Invisible' },
  { zh: '火焰', py: 'huo yan', en: 'Flame' },
  { zh: '风暴', py: 'feng bao', en: 'Storm' },
  { zh: '银河', py: 'yin he', en: 'Galaxy' },
  { zh: '海岸', py: 'hai an', en: 'Coastal' },
  { zh: '少年', py: 'shao nian', en: 'Young' },
  { zh: '天空', py: 'tian kong', en: 'Sky' },
  { zh: '铁血', py: 'tie xue', en: 'Iron' },
  { zh: '玫瑰', py: 'mei gui', en: 'Rose' },
  { zh: '远方', py: 'yuan fang', en: 'Faraway' },
  { zh: '永恒', py: 'yong heng', en: 'Eternal' },
  { zh: '暗夜', py: 'an ye', en: 'Dark Night' },
  { zh: '春天', py: 'chun tian', en: 'Spring' },
  { zh: '上海', py: 'shang hai', en: 'Shanghai' },
  { zh: '重庆', py: 'chong qing', en: 'Chongqing' },
]

export const NOUNS: Word[] = [
  { zh: '追踪', py: 'zhui zong', en: 'Pursuit' },
  { zh: '故事', py: 'gu shi', en: 'Story' },
  { zh: '英雄', py: 'ying xiong', en: 'Heroes' },
  { zh: '使命', py: 'shi ming', en: 'Mission' },
  { zh: '旅程', py: 'lv cheng', en: 'Journey' },
  { zh: '守望', py: 'shou wang', en: 'Watch' },
  { zh: '传说', py: 'chuan shuo', en: 'Legend' },
  { zh: '告白', py: 'gao bai', en: 'Confession' },
  { zh: '迷宫', py: 'mi gong', en: 'Labyrinth' },
  { zh: '审判', py: 'shen pan', en: 'Verdict' },
  { zh: '花园', py: 'hua yuan', en: 'Garden' },
  { zh: '列车', py: 'lie che', en: 'Express' },
  { zh: '约定', py: 'yue ding', en: 'Promise' },
  { zh: '信号', py: 'xin hao', en: 'Signal' },
  { zh: '王国', py: 'wang guo', en: 'Kingdom' },
  { zh: '战场', py: 'zhan chang', en: 'Battlefield' },
  { zh: '回声', py: 'hui sheng', en: 'Echoes' },
  { zh: '假期', py: 'jia qi', en: 'Holiday' },
  { zh: '侦探', py: 'zhen tan', en: 'Detective' },
  { zh: '梦想', py: 'meng xiang', en: 'Dreams' },
  { zh: '边界', py: 'bian jie', en: 'Frontier' },
  { zh: '密码', py: 'mi ma', en: 'Code' },
  { zh: '风云', py: 'feng yun', en: 'Tempest' },
  { zh: '来信', py: 'lai xin', en: 'Letters' },
  { zh: '人生', py: 'ren sheng', en: 'Lives' },
  { zh: '救援', py: 'jiu yuan', en: 'Rescue' },
  { zh: '舞者', py: 'wu zhe', en: 'Dancer' },
  { zh: '餐厅', py: 'can ting', en: 'Kitchen' },
  { zh: '家族', py: 'jia zu', en: 'Family' },
  { zh: '黎明', py: 'li ming', en: 'Dawn' },
]

export const SURNAMES: Word[] = [
  { zh: '王', py: 'wang', en: 'Wang' },
  { zh: '李', py: 'li', en: 'Li' },
  { zh: '张', py: 'zhang', en: 'Zhang' },
  { zh: '刘', py: 'liu', en: 'Liu' },
  { zh: '陈', py: 'chen', en: 'Chen' },
  { zh: '杨', py: 'yang', en: 'Yang' },
  { zh: '赵', py: 'zhao', en: 'Zhao' },
  { zh: '黄', py: 'huang', en: 'Huang' },
  { zh: '周', py: 'zhou', en: 'Zhou' },
  { zh: '吴', py: 'wu', en: 'Wu' },
  { zh: '林', py: 'lin', en: 'Lin' },
  { zh: '孙', py: 'sun', en: 'Sun' },
]

export const GIVEN_NAMES: Word[] = [
  { zh: '子涵', py: 'zi han', en: 'Zihan' },
  { zh: '一鸣', py: 'yi ming', en: 'Yiming' },
  { zh: '晓峰', py: 'xiao feng', en: 'Xiaofeng' },
  { zh: '雨桐', py: 'yu tong', en: 'Yutong' },
  { zh: '嘉怡', py: 'jia yi', en: 'Jiayi' },
  { zh: '浩然', py: 'hao ran', en: 'Haoran' },
  { zh: '思远', py: 'si yuan', en: 'Siyuan' },
  { zh: '欣妍', py: 'xin yan', en: 'Xinyan' },
  { zh: '志强', py: 'zhi qiang', en: 'Zhiqiang' },
  { zh: '文静', py: 'wen jing', en: 'Wenjing' },
  { zh: '俊杰', py: 'jun jie', en: 'Junjie' },
  { zh: '梦瑶', py: 'meng yao', en: 'Mengyao' },
]

export interface GenreDef {
  id: string
  zh: string
  en: string
  idn: string
}

export const GENRES: GenreDef[] = [
  { id: 'action', zh: '动作', en: 'Action', idn: 'Aksi' },
  { id: 'comedy', zh: '喜剧', en: 'Comedy', idn: 'Komedi' },
  { id: 'drama', zh: '剧情', en: 'Drama', idn: 'Drama' },
  { id: 'family', zh: '家庭', en: 'Family', idn: 'Keluarga' },
  { id: 'sci-fi', zh: '科幻', en: 'Sci-Fi', idn: 'Fiksi Ilmiah' },
  { id: 'documentary', zh: '纪录片', en: 'Documentary', idn: 'Dokumenter' },
  { id: 'anime', zh: '动画', en: 'Anime', idn: 'Anime' },
  { id: 'romance', zh: '爱情', en: 'Romance', idn: 'Romansa' },
  { id: 'thriller', zh: '惊悚', en: 'Thriller', idn: 'Thriller' },
  { id: 'crime', zh: '犯罪', en: 'Crime', idn: 'Kriminal' },
  { id: 'history', zh: '历史', en: 'History', idn: 'Sejarah' },
  { id: 'fantasy', zh: '奇幻', en: 'Fantasy', idn: 'Fantasi' },
]

/** Hand-written titles: the in-house originals lead, then edge cases for the UI (long names, emoji). */
export interface FixedTitle extends Word {
  kind: 'film' | 'series'
  original: boolean
  genres: string[]
  synopsisZh: string
  synopsisEn: string
  /** Its first season's episode titles; every other episode is titled by its number ("第3集", "Episode 3"), as many catalogues' are. */
  episodeNames?: Array<Pick<Word, 'zh' | 'en'>>
}

export const FIXED_TITLES: FixedTitle[] = [
  {
    zh: '长安夜行', py: 'chang an ye xing', en: "Night Watch of Chang'an", kind: 'series', original: true, genres: ['history', 'thriller', 'drama'],
    synopsisZh: '盛唐长安，一名不良人在宵禁后的街巷中追查连环奇案，牵出一场关乎整座城的阴谋。',
    synopsisEn: "In Tang-dynasty Chang'an, a night constable chases a string of uncanny cases through the curfew-bound streets and uncovers a plot against the whole city.",
  },
  {
    zh: '云端之上', py: 'yun duan zhi shang', en: 'Above the Clouds', kind: 'series', original: true, genres: ['drama', 'romance'],
    synopsisZh: '三位年轻飞行员在高原航线上追逐梦想，也在风雨中找到彼此。',
    synopsisEn: 'Three young pilots chase their dreams on high-plateau routes and find each other in the storms.',
    episodeNames: [
      { zh: '初到拉萨', en: 'First Landing in Lhasa' },
      { zh: '风切变', en: 'Wind Shear' },
      { zh: '夜航', en: 'Night Flight' },
      { zh: '雪山之上的一次盲降', en: 'A Landing Without Sight Above the Snow Mountains' },
      { zh: '备降', en: 'Diversion' },
      { zh: '她在机长座位上的第一次广播', en: "Her First Announcement from the Captain's Seat" },
      { zh: '高原反应', en: 'Altitude Sickness' },
      { zh: '雷雨绕飞', en: 'Around the Thunderstorm' },
      { zh: '失联的四十分钟', en: 'Forty Minutes Without Contact' },
      { zh: '返航', en: 'Turning Back' },
      { zh: '云海', en: 'Sea of Clouds' },
      { zh: '最后一班', en: 'The Last Flight Out' },
    ],
  },
  {
    zh: '南方来信', py: 'nan fang lai xin', en: 'Letters from the South', kind: 'film', original: true, genres: ['drama', 'family'],
    synopsisZh: '一箱尘封三十年的信件，让一家三代人重新走到一起。',
    synopsisEn: 'A box of letters sealed for thirty years brings three generations of a family back together.',
  },
  {
    zh: '大漠孤烟', py: 'da mo gu yan', en: 'Lone Smoke over the Desert', kind: 'film', original: true, genres: ['action', 'history'],
    synopsisZh: '丝路古道上，一支商队与马贼展开生死较量。',
    synopsisEn: 'On the old Silk Road, a caravan fights for its life against desert raiders.',
  },
  {
    zh: '🐉 龙腾四海：一个关于家族、梦想、远方与归途的超长标题电影测试版本 🎆',
    py: 'long teng si hai yi ge guan yu jia zu meng xiang yuan fang yu gui tu de chao chang biao ti dian ying ce shi ban ben',
    en: '🐉 Dragons Over the Four Seas: An Extremely Long Title About Family, Dreams, Faraway Places and the Road Home 🎆',
    kind: 'film', original: false, genres: ['family', 'fantasy'],
    synopsisZh: '一部标题超长的电影，用来检验界面如何截断与换行。',
    synopsisEn: 'A film with an extremely long title, here to check how the interface truncates and wraps.',
  },
  {
    zh: '😂 笑到停不下来', py: 'xiao dao ting bu xia lai', en: "Can't Stop Laughing 😂", kind: 'film', original: false, genres: ['comedy'],
    synopsisZh: '一个脱口秀新人的爆笑一年。',
    synopsisEn: 'A rookie stand-up comedian’s hilarious first year.',
  },
  {
    zh: '猫咪大冒险 🐱', py: 'mao mi da mao xian', en: 'The Great Cat Adventure 🐱', kind: 'series', original: false, genres: ['anime', 'family'],
    synopsisZh: '一只好奇的小猫穿越城市，寻找回家的路。',
    synopsisEn: 'A curious kitten crosses the city to find its way home.',
  },
  {
    zh: '星际迷航者：银河尽头的最后一座灯塔与永不熄灭的光',
    py: 'xing ji mi hang zhe yin he jin tou de zui hou yi zuo deng ta yu yong bu xi mie de guang',
    en: 'Star Voyagers: The Last Lighthouse at the Edge of the Galaxy and the Light That Never Goes Out',
    kind: 'film', original: false, genres: ['sci-fi'],
    synopsisZh: '远航飞船在银河尽头发现一座仍在发光的灯塔。',
    synopsisEn: 'A deep-space crew finds a lighthouse still shining at the edge of the galaxy.',
  },
]
