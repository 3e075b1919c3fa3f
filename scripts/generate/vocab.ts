/** Vocabulary of budget disclosures: departments, classification codes, project and indicator names. */

export const DEPARTMENTS = [
  '行政审批局', '教育局', '财政局', '民政局', '司法局', '自然资源局', '生态环境局', '住房和城乡建设局', '交通运输局',
  '农业农村局', '水利局', '商务局', '文化广电旅游局', '卫生健康委员会', '退役军人事务局', '应急管理局', '审计局',
  '市场监督管理局', '统计局', '医疗保障局', '政务服务数据管理局', '大数据发展管理局', '林业局', '档案馆', '机关事务管理局',
  '科学技术局', '人力资源和社会保障局', '发展和改革委员会', '城市管理局', '体育局', '信访局', '公共资源交易中心',
];

/** 款 → 项 with whether the 项 carries basic (运行) or project (事务) money. */
export interface FnItem { code: string; name: string; use: 'basic' | 'project' }
export interface FnClass { code: string; name: string; kuan: { code: string; name: string; items: FnItem[] }[] }

export const FUNCTION_CLASSES: FnClass[] = [
  { code: '201', name: '一般公共服务支出', kuan: [{ code: '20103', name: '政府办公厅（室）及相关机构事务', items: [
    { code: '2010301', name: '行政运行', use: 'basic' }, { code: '2010302', name: '一般行政管理事务', use: 'project' },
    { code: '2010350', name: '事业运行', use: 'basic' }, { code: '2010399', name: '其他政府办公厅（室）及相关机构事务支出', use: 'project' }] }] },
  { code: '205', name: '教育支出', kuan: [{ code: '20508', name: '进修及培训', items: [{ code: '2050803', name: '培训支出', use: 'project' }] }] },
  { code: '206', name: '科学技术支出', kuan: [{ code: '20604', name: '技术研究与开发', items: [
    { code: '2060404', name: '科技成果转化与扩散', use: 'project' }, { code: '2060499', name: '其他技术研究与开发支出', use: 'project' }] }] },
  { code: '208', name: '社会保障和就业支出', kuan: [{ code: '20805', name: '行政事业单位养老支出', items: [
    { code: '2080501', name: '行政单位离退休', use: 'basic' }, { code: '2080505', name: '机关事业单位基本养老保险缴费支出', use: 'basic' },
    { code: '2080506', name: '机关事业单位职业年金缴费支出', use: 'basic' }] }] },
  { code: '210', name: '卫生健康支出', kuan: [{ code: '21011', name: '行政事业单位医疗', items: [
    { code: '2101101', name: '行政单位医疗', use: 'basic' }, { code: '2101102', name: '事业单位医疗', use: 'basic' },
    { code: '2101103', name: '公务员医疗补助', use: 'basic' }] }] },
  { code: '212', name: '城乡社区支出', kuan: [{ code: '21201', name: '城乡社区管理事务', items: [
    { code: '2120104', name: '城管执法', use: 'project' }, { code: '2120199', name: '其他城乡社区管理事务支出', use: 'project' }] }] },
  { code: '213', name: '农林水支出', kuan: [{ code: '21301', name: '农业农村', items: [{ code: '2130106', name: '科技转化与推广服务', use: 'project' }] }] },
  { code: '215', name: '资源勘探工业信息等支出', kuan: [{ code: '21505', name: '工业和信息产业监管', items: [{ code: '2150599', name: '其他工业和信息产业监管支出', use: 'project' }] }] },
  { code: '221', name: '住房保障支出', kuan: [{ code: '22102', name: '住房改革支出', items: [
    { code: '2210201', name: '住房公积金', use: 'basic' }, { code: '2210202', name: '提租补贴', use: 'basic' }, { code: '2210203', name: '购房补贴', use: 'basic' }] }] },
];

/** Basic expenditure, economic classification: 301/303 are 人员经费, 302 is 公用经费. */
export const ECONOMIC: { code: string; name: string; group: 'personnel' | 'public'; items: [string, string][] }[] = [
  { code: '301', name: '工资福利支出', group: 'personnel', items: [['30101', '基本工资'], ['30102', '津贴补贴'], ['30103', '奖金'], ['30107', '绩效工资'],
    ['30108', '机关事业单位基本养老保险缴费'], ['30110', '职工基本医疗保险缴费'], ['30113', '住房公积金'], ['30199', '其他工资福利支出']] },
  { code: '302', name: '商品和服务支出', group: 'public', items: [['30201', '办公费'], ['30202', '印刷费'], ['30207', '邮电费'], ['30211', '差旅费'],
    ['30215', '会议费'], ['30216', '培训费'], ['30217', '公务接待费'], ['30228', '工会经费'], ['30229', '福利费'], ['30239', '其他交通费用'], ['30299', '其他商品和服务支出']] },
  { code: '303', name: '对个人和家庭的补助', group: 'personnel', items: [['30302', '退休费'], ['30305', '生活补助'], ['30309', '奖励金']] },
];

export const PROJECT_TOPICS = [
  '政务服务大厅运行', '信息化系统运维', '档案数字化', '安全生产检查', '业务培训', '法律顾问服务', '网络安全等级保护', '便民服务中心建设',
  '数据共享交换平台', '12345热线运行', '办公场所租赁', '外包服务人员', '专项督查', '政策宣传教育', '课题研究', '应急物资储备', '办公设备购置',
  '标准化建设', '乡村振兴帮扶', '文明创建', '电子证照应用', '一网通办', '政务云服务', '视频会议系统', '公共资源交易平台运维', '智慧城市运营',
  '统计调查', '执法装备购置', '人才引进', '志愿服务', '环境监测', '河湖巡查', '森林防火', '农产品质量检测', '食品安全抽检', '老旧小区改造',
  '学校安全管理', '医疗救助', '退役军人关爱', '防汛抗旱', '地名普查', '不动产登记', '营商环境优化', '惠企政策兑现', '社区治理', '体育赛事组织',
];
export const PROJECT_SUFFIXES = ['经费', '项目', '专项经费', '工作经费', '运维费', '建设项目', '服务费', '补助资金'];
export const IMPLEMENTERS = ['办公室', '政务科', '信息中心', '法规科', '综合科', '业务科', '服务中心'];

export interface IndicatorTemplate { l1: string; l2: string; name: string; unit: string; op: '≥' | '≤' | '=' | 'text'; min: number; max: number }

/** Indicator families as published in 绩效目标表: 一级 / 二级 / 三级 names with plausible targets. */
export const INDICATORS: IndicatorTemplate[] = [
  { l1: '产出指标', l2: '数量指标', name: '服务事项办理数量', unit: '件', op: '≥', min: 100, max: 50000 },
  { l1: '产出指标', l2: '数量指标', name: '系统建设数量', unit: '个', op: '=', min: 1, max: 12 },
  { l1: '产出指标', l2: '数量指标', name: '培训人次', unit: '人次', op: '≥', min: 20, max: 2000 },
  { l1: '产出指标', l2: '数量指标', name: '设备维护次数', unit: '次', op: '≥', min: 4, max: 52 },
  { l1: '产出指标', l2: '数量指标', name: '购置设备数量', unit: '台', op: '=', min: 1, max: 300 },
  { l1: '产出指标', l2: '数量指标', name: '检查覆盖单位数', unit: '家', op: '≥', min: 5, max: 500 },
  { l1: '产出指标', l2: '质量指标', name: '项目验收合格率', unit: '%', op: '=', min: 100, max: 100 },
  { l1: '产出指标', l2: '质量指标', name: '系统故障率', unit: '%', op: '≤', min: 1, max: 10 },
  { l1: '产出指标', l2: '质量指标', name: '办件合规率', unit: '%', op: '≥', min: 90, max: 100 },
  { l1: '产出指标', l2: '质量指标', name: '资料归档完整率', unit: '%', op: '≥', min: 90, max: 100 },
  { l1: '产出指标', l2: '时效指标', name: '故障响应时间', unit: '分钟', op: '≤', min: 10, max: 60 },
  { l1: '产出指标', l2: '时效指标', name: '资金支付及时率', unit: '%', op: '=', min: 100, max: 100 },
  { l1: '产出指标', l2: '时效指标', name: '年度任务完成率', unit: '%', op: '≥', min: 90, max: 100 },
  { l1: '产出指标', l2: '成本指标', name: '总成本控制', unit: '万元', op: '≤', min: 5, max: 900 },
  { l1: '产出指标', l2: '成本指标', name: '年度维护成本增长率', unit: '%', op: '≤', min: 3, max: 10 },
  { l1: '效益指标', l2: '社会效益指标', name: '群众办事便利度', unit: '', op: 'text', min: 0, max: 0 },
  { l1: '效益指标', l2: '社会效益指标', name: '政务服务效能', unit: '', op: 'text', min: 0, max: 0 },
  { l1: '效益指标', l2: '社会效益指标', name: '网上可办率', unit: '%', op: '≥', min: 80, max: 100 },
  { l1: '效益指标', l2: '经济效益指标', name: '节约办事成本', unit: '万元', op: '≥', min: 10, max: 500 },
  { l1: '效益指标', l2: '可持续影响指标', name: '系统正常使用年限', unit: '年', op: '≥', min: 3, max: 10 },
  { l1: '效益指标', l2: '可持续影响指标', name: '长效机制建设', unit: '', op: 'text', min: 0, max: 0 },
  { l1: '满意度指标', l2: '服务对象满意度指标', name: '群众满意度', unit: '%', op: '≥', min: 85, max: 98 },
  { l1: '满意度指标', l2: '服务对象满意度指标', name: '使用单位满意度', unit: '%', op: '≥', min: 85, max: 98 },
];
export const QUALITATIVE_TARGETS = ['有效保障', '显著提升', '明显提高', '逐步完善', '长期'];

export const GLOSSARY: [string, string][] = [
  ['财政拨款收入', '指本级财政当年拨付的资金。'],
  ['事业收入', '指事业单位开展专业业务活动及其辅助活动取得的收入。'],
  ['其他收入', '指除财政拨款、事业收入、事业单位经营收入等以外的各项收入。'],
  ['上年结转', '指以前年度尚未完成、结转到本年按有关规定继续使用的资金。'],
  ['基本支出', '指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。'],
  ['项目支出', '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。'],
  ['“三公”经费', '指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。'],
  ['机关运行经费', '指为保障行政单位运行用于购买货物和服务的各项资金。'],
];
