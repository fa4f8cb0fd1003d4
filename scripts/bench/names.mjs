// Name pools for the synthetic database: the same person written in several ways, as in the
// source material — Latin transliterations that differ (Kaster / Qaster, Dmitry / Dmitriy),
// Cyrillic, Arabic script and Chinese characters. Each entry: [Latin spellings, other script].

const split = (rows) => rows.trim().split('\n').map((row) => {
  const [latin, script] = row.split('|').map((s) => s.trim());
  return { latin: latin.split('/'), script };
});

// Kazakh given names; a Kazakh surname is a father's name + -uly / -kyzy (Cyrillic -ұлы / -қызы).
const KAZAKH = split(`
  Kaster/Qaster | Қастер
  Murager | Мұрагер
  Nurlan | Нұрлан
  Yerlan/Erlan | Ерлан
  Askar/Asqar | Асқар
  Serik | Серік
  Bolat | Болат
  Dauren/Dawren | Дәурен
  Aigul/Aygul | Айгүл
  Gulnar | Гүлнар
  Zhanar/Janar | Жанар
  Kairat/Qairat | Қайрат
  Almas | Алмас
  Bakhytzhan/Bakhytjan | Бақытжан
  Nurzhan/Nurjan | Нұржан
  Aibek/Aybek | Айбек
  Daniyar/Daniar | Данияр
  Talgat/Talghat | Талғат
  Zhanibek/Janibek | Жәнібек
  Saule/Sawle | Сәуле
  Arman | Арман
  Berik | Берік
  Musakhan/Musaqan | Мұсахан
  Alim/Alym | Әлім
  Kadyr/Qadir | Қадыр
  Tolegen/Tolegen | Төлеген
  Yesen/Esen | Есен
  Amanzhol/Amanjol | Аманжол
`);

// Uyghur names: [Latin spellings, Arabic script]; Chinese transcriptions alongside.
const UYGHUR = split(`
  Hemit/Khamit | ھېمىت
  Memet/Mehmet | مەمەت
  Kasim/Qasim | قاسىم
  Ilyas/Ilyaz | ئىلياس
  Zordun/Zurdun | زوردۇن
  Mahpir/Mahfir | ماھپىر
  Abdurehim/Abdurahim | ئابدۇرېھىم
  Ilham/Ilkham | ئىلھام
  Tohti/Tokhti | توختى
  Rahile/Rahila | راھىلە
  Gulshan/Gulxan | گۈلشەن
  Nurmemet/Nurmuhammad | نۇرمەمەت
  Ablikim/Abliqim | ئابلىكىم
  Adil/Adel | ئادىل
  Ekber/Akbar | ئەكبەر
  Erkin/Arkin | ئەركىن
  Mutellip/Mutallip | مۇتەللىپ
  Osman/Usman | ئوسمان
  Perhat/Ferhat | پەرھات
  Qurban/Kurban | قۇربان
  Rozi/Rozy | روزى
  Tursun/Tursan | تۇرسۇن
  Yasin/Yassin | ياسىن
  Omer/Omar | ئۆمەر
  Ahmet/Ahmat | ئەھمەت
  Nijat/Nijad | نىجات
`);
const UYGHUR_CHINESE = ['海米提', '买买提', '卡斯木', '伊力亚斯', '祖尔东', '马合甫', '阿不都热依木', '伊力哈木', '土赫提', '热依拉',
  '古丽仙', '努尔买买提', '阿不力克木', '阿迪力', '艾克拜尔', '艾尔肯', '木塔力甫', '吾斯曼', '帕尔哈提', '库尔班', '肉孜', '吐尔逊',
  '亚森', '吾买尔', '艾合买提', '尼加提'];

const RUSSIAN_GIVEN = split(`
  Dmitry/Dmitriy/Dmitrii | Дмитрий
  Sergei/Sergey | Сергей
  Alexei/Aleksey | Алексей
  Yevgeny/Evgeny | Евгений
  Nikolai/Nikolay | Николай
  Andrei/Andrey | Андрей
  Mikhail/Mikhael | Михаил
  Yuri/Yury | Юрий
  Ivan/Iwan | Иван
  Pavel/Pawel | Павел
  Vladimir/Wladimir | Владимир
  Igor/Ihor | Игорь
  Maxim/Maksim | Максим
  Oleg/Oleh | Олег
`);
const RUSSIAN_SURNAME = split(`
  Ivanov/Iwanow | Иванов
  Kuznetsov/Kuznetzov | Кузнецов
  Smirnov/Smirnow | Смирнов
  Popov/Popow | Попов
  Sokolov/Sokolow | Соколов
  Lebedev/Lebedew | Лебедев
  Kozlov/Koslov | Козлов
  Novikov/Nowikow | Новиков
  Morozov/Morosov | Морозов
  Volkov/Wolkow | Волков
  Solovyov/Soloviev | Соловьёв
  Vasilyev/Vasiliev | Васильев
  Zaitsev/Zaytsev | Зайцев
  Semyonov/Semenov | Семёнов
  Fyodorov/Fedorov | Фёдоров
  Mikhailov/Mikhaylov | Михайлов
  Belyaev/Beliaev | Беляев
  Tarasov/Tarassov | Тарасов
`);

// Chinese: [pinyin, Wade-Giles] and characters, for surnames and given-name syllables.
const CHINESE_SURNAME = split(`
  Wang/Wang | 王
  Li/Lee | 李
  Zhang/Chang | 张
  Liu/Lau | 刘
  Chen/Chan | 陈
  Yang/Yeung | 杨
  Huang/Wong | 黄
  Zhao/Chao | 赵
  Zhou/Chou | 周
  Xu/Hsu | 徐
  Sun/Suen | 孙
  Guo/Kuo | 郭
  Gao/Kao | 高
  Zheng/Cheng | 郑
  Xie/Hsieh | 谢
  Deng/Teng | 邓
`);
const CHINESE_SYLLABLE = split(`
  li/li | 力
  xiong/hsiung | 雄
  wei/wei | 伟
  ming/ming | 明
  hua/hua | 华
  jun/chun | 军
  jian/chien | 建
  guo/kuo | 国
  zhi/chih | 志
  qiang/chiang | 强
  xiao/hsiao | 晓
  yan/yen | 燕
  hong/hung | 红
  hai/hai | 海
  dong/tung | 东
  jie/chieh | 杰
  tao/tao | 涛
  yong/yung | 勇
  feng/feng | 峰
  qing/ching | 庆
`);

const ARABIC_GIVEN = split(`
  Mohammed/Muhammad/Mohamed | محمد
  Ahmed/Ahmad | أحمد
  Hassan/Hasan | حسن
  Hussein/Husayn | حسين
  Omar/Umar | عمر
  Khalid/Khaled | خالد
  Youssef/Yusuf | يوسف
  Ibrahim/Ebrahim | إبراهيم
  Mahmoud/Mahmud | محمود
  Mustafa/Mostafa | مصطفى
  Fatima/Fatma | فاطمة
  Aisha/Aicha | عائشة
  Zainab/Zaynab | زينب
  Mariam/Maryam | مريم
  Tariq/Tarek | طارق
  Karim/Kareem | كريم
`);
const ARABIC_FAMILY = split(`
  al-Hassan/al-Hasan | الحسن
  al-Masri/el-Masry | المصري
  al-Sharif/el-Sherif | الشريف
  Haddad/Hadad | حداد
  Mansour/Mansur | منصور
  Nasser/Nasir | ناصر
  Saleh/Salih | صالح
  al-Qahtani/al-Kahtani | القحطاني
  Darwish/Darweesh | درويش
  Othman/Uthman | عثمان
  Rashid/Rashed | راشد
  Farouk/Faruq | فاروق
`);

const cap = (s) => s[0].toUpperCase() + s.slice(1);

/**
 * A person's names from a random source `r` (returns [0, 1)): the primary spelling first, then
 * 1-3 others (another transliteration, another script). Returns { names, ethnicity, citizenship }.
 */
export function personNames(r) {
  const pick = (list) => list[Math.floor(r() * list.length)];
  const kind = r();
  if (kind < 0.3) {
    const given = pick(KAZAKH);
    const father = pick(KAZAKH);
    const female = r() < 0.35;
    const [lat, cyr] = female ? ['kyzy', 'қызы'] : ['uly', 'ұлы'];
    const names = [`${given.latin[0]} ${father.latin[0]}${lat}`, `${pick(given.latin)} ${pick(father.latin)}`, `${given.script} ${father.script}${cyr}`];
    return { names, ethnicity: 'Kazakh', citizenship: r() < 0.6 ? 'Chinese' : 'Kazakh', gender: female ? 'female' : 'male' };
  }
  if (kind < 0.55) {
    const gi = Math.floor(r() * UYGHUR.length);
    const fi = Math.floor(r() * UYGHUR.length);
    const [given, father] = [UYGHUR[gi], UYGHUR[fi]];
    const names = [`${given.latin[0]} ${father.latin[0]}`, `${given.latin[1] ?? given.latin[0]} ${father.latin[1] ?? father.latin[0]}`,
      `${given.script} ${father.script}`];
    if (r() < 0.5) names.push(`${UYGHUR_CHINESE[gi]}·${UYGHUR_CHINESE[fi]}`);
    return { names, ethnicity: 'Uyghur', citizenship: 'Chinese', gender: r() < 0.7 ? 'male' : 'female' };
  }
  if (kind < 0.7) {
    const given = pick(RUSSIAN_GIVEN);
    const family = pick(RUSSIAN_SURNAME);
    const names = [`${given.latin[0]} ${family.latin[0]}`, `${pick(given.latin.slice(1))} ${family.latin[1]}`, `${given.script} ${family.script}`];
    return { names, ethnicity: 'Russian', citizenship: 'Russian', gender: 'male' };
  }
  if (kind < 0.85) {
    const family = pick(CHINESE_SURNAME);
    const [a, b] = [pick(CHINESE_SYLLABLE), pick(CHINESE_SYLLABLE)];
    const names = [`${family.latin[0]} ${cap(a.latin[0])}${b.latin[0]}`, `${family.script}${a.script}${b.script}`];
    if (r() < 0.6) names.push(`${family.latin[1]} ${cap(a.latin[1])}-${b.latin[1]}`);
    return { names, ethnicity: 'Han', citizenship: 'Chinese', gender: r() < 0.6 ? 'male' : 'female' };
  }
  const given = pick(ARABIC_GIVEN);
  const family = pick(ARABIC_FAMILY);
  const names = [`${given.latin[0]} ${family.latin[0]}`, `${given.latin[1]} ${family.latin[1]}`];
  if (r() < 0.8) names.push(`${given.script} ${family.script}`);
  return { names, ethnicity: 'Arab', citizenship: pick(['Egyptian', 'Saudi', 'Syrian', 'Bahraini']), gender: r() < 0.7 ? 'male' : 'female' };
}

/** Words that appear in the ingested documents alongside the people's names. */
export const PLACES = ['Almaty', 'Urumqi', 'Ghulja', 'Kashgar', 'Khorgos', 'Astana', 'Taldykorgan', 'Hotan', 'Aksu', 'Turpan',
  'Moscow', 'Cairo', 'Riyadh', 'Manama', 'Damascus', 'Beijing', 'Chengdu', 'Lhasa', 'Bishkek', 'Istanbul'];
