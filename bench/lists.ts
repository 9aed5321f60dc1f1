// Word lists the generator draws from. Frequencies are rough real-world shares, so a
// "frequent" name (张伟) is frequent in the data the way it is in a real customer base.

/** The most common mainland surnames with approximate weights (% of the population). */
export const CN_SURNAMES: [string, number][] = [
  ['王', 7.1], ['李', 7.9], ['张', 7.1], ['刘', 5.4], ['陈', 4.5], ['杨', 3.1], ['黄', 2.2], ['赵', 2.0],
  ['吴', 2.0], ['周', 1.9], ['徐', 1.5], ['孙', 1.5], ['马', 1.3], ['朱', 1.3], ['胡', 1.3], ['郭', 1.2],
  ['何', 1.2], ['高', 1.1], ['林', 1.1], ['罗', 0.9], ['郑', 0.9], ['梁', 0.9], ['谢', 0.8], ['宋', 0.8],
  ['唐', 0.8], ['许', 0.7], ['韩', 0.7], ['冯', 0.7], ['邓', 0.7], ['曹', 0.6], ['彭', 0.6], ['曾', 0.6],
  ['欧阳', 0.1], ['司马', 0.02], ['诸葛', 0.02], ['上官', 0.02],
];

/** Single-character given names that make the most common full names (张伟, 王芳, 李娜...). */
export const CN_COMMON_GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '秀英', '桂英', '建华', '建国', '志强', '晓东', '海燕'];

/** Real provinces and cities (mainland); the generator keeps them consistent. */
export const CN_CITIES: [string, string, string][] = [
  ['北京市', '北京', '010'], ['上海市', '上海', '021'], ['广东省', '广州', '020'], ['广东省', '深圳', '0755'],
  ['广东省', '东莞', '0769'], ['浙江省', '杭州', '0571'], ['浙江省', '宁波', '0574'], ['江苏省', '南京', '025'],
  ['江苏省', '苏州', '0512'], ['四川省', '成都', '028'], ['湖北省', '武汉', '027'], ['陕西省', '西安', '029'],
  ['天津市', '天津', '022'], ['重庆市', '重庆', '023'], ['山东省', '青岛', '0532'], ['山东省', '济南', '0531'],
  ['福建省', '厦门', '0592'], ['福建省', '福州', '0591'], ['湖南省', '长沙', '0731'], ['河南省', '郑州', '0371'],
  ['辽宁省', '大连', '0411'], ['安徽省', '合肥', '0551'], ['云南省', '昆明', '0871'], ['黑龙江省', '哈尔滨', '0451'],
];

export const TW_CITIES: [string, string, string][] = [
  ['臺灣', '臺北市', '02'], ['臺灣', '新北市', '02'], ['臺灣', '桃園市', '03'], ['臺灣', '臺中市', '04'],
  ['臺灣', '臺南市', '06'], ['臺灣', '高雄市', '07'], ['臺灣', '新竹市', '03'], ['香港', '香港', '852'],
];

export const CN_MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '158', '159', '166', '176', '177', '180', '181', '186', '187', '188', '189', '199'];

export const CN_MAIL_DOMAINS = ['163.com', 'qq.com', '126.com', 'sina.com', 'foxmail.com', 'aliyun.com', 'gmail.com', 'outlook.com'];
export const TW_MAIL_DOMAINS = ['gmail.com', 'yahoo.com.tw', 'hotmail.com', 'msa.hinet.net', 'outlook.com'];

export const CN_TITLES = ['总经理', '销售经理', '采购经理', '财务总监', '技术总监', '市场专员', '行政主管', '董事长', '项目经理', '客户经理', '店长', '主厨'];
export const TW_TITLES = ['總經理', '業務經理', '採購經理', '財務長', '技術長', '行銷專員', '董事長', '專案經理'];

export const COMPANY_WORDS = ['华信', '恒通', '金鼎', '宏远', '盛世', '东方', '瑞丰', '鑫源', '天成', '博雅', '锦绣', '新锐', '长城', '华美', '中联', '永盛', '汇通', '致远', '卓越', '康达'];
export const COMPANY_TRADES = ['科技', '贸易', '餐饮管理', '食品', '物流', '电子', '机械', '建材', '医药', '传媒', '服饰', '酒店管理', '信息技术', '进出口'];
export const COMPANY_FORMS = ['有限公司', '有限责任公司', '股份有限公司', '集团有限公司', '商贸行'];

export const TAGS = ['VIP', '老客户', '高净值', '展会', '重点客户', '潜在客户', '转介绍', 'newsletter', 'wholesale', '回头客', '企业客户', '线上', '線下', '素食', '生日月'];

/** The custom field every run creates; CSV cells use values, labels or translated labels. */
export const MEMBER_LEVELS = [
  { value: 'platinum', label: 'Platinum', labels: { 'zh-CN': '白金卡', 'zh-TW': '白金卡' } },
  { value: 'gold', label: 'Gold', labels: { 'zh-CN': '金卡', 'zh-TW': '金卡' } },
  { value: 'silver', label: 'Silver', labels: { 'zh-CN': '银卡', 'zh-TW': '銀卡' } },
  { value: 'bronze', label: 'Bronze', labels: { 'zh-CN': '铜卡', 'zh-TW': '銅卡' } },
];

export const NOTES_CN = ['喜欢喝普洱茶', '每年春节前送礼', '对价格敏感，注意折扣', '2023年广交会认识', '偏好微信联系，下午不方便接电话', '孩子在上海读书', '忌口：不吃辣', '决策人是其上级', '去年采购额较大，重点维护'];
export const NOTES_TW = ['喜歡喝烏龍茶', '偏好LINE聯絡', '中秋節前寄送禮盒', '對交期要求嚴格'];
export const NOTES_EN = ['Prefers email over calls', 'Met at the Canton Fair', 'Vegetarian, books the private room', 'Decision maker for APAC purchasing', 'Asked for a quote in USD'];

export const INVALID_EMAILS = ['wang.fang@', 'zhang wei@163.com', 'li.na(at)qq.com', 'chen@@126.com', 'no-email'];

/** The CSV header, as a Chinese office would write it. */
export const HEADERS = ['姓名', '邮箱', '手机', '电话', '公司', '职位', '省份', '城市', '地址', '生日', '标签', '会员级别', '备注'];
/** What each header must map to; the run checks the product's suggested mapping against it. */
export const EXPECTED_MAPPING: Record<string, string> = {
  姓名: 'name', 邮箱: 'email', 手机: 'mobile', 电话: 'phone', 公司: 'account_name', 职位: 'title', 省份: 'province',
  城市: 'city', 地址: 'street', 生日: 'birthday', 标签: 'tags', 会员级别: 'cf_member_level', 备注: 'notes',
};
