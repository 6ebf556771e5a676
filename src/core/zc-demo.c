/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "zicha-core"

#include <string.h>

#include <glib/gstdio.h>

#include "zc-date.h"
#include "zc-demo.h"
#include "zc-light.h"
#include "zc-similarity.h"
#include "zc-store-private.h"

/*
 * The demo campaign of a fictional municipal civil-affairs bureau (临江市民政局), written
 * through the public store API so that every rule, validation and audit entry applies: it
 * is also the proof that the API can run a whole campaign. "Today" is moved through the
 * campaign while generating, so dates, logs and lights read like a real campaign that is
 * in its rectification phase on the real today.
 *
 * Day numbers below are offsets from the real today (0); negative days are in the past.
 */

/* ======================================================================================
 * Content
 * ====================================================================================== */

typedef enum
{
  P_LEADERS,      /* the bureau's leadership (局领导班子) */
  P_OFFICE,       /* general administration */
  P_INSPECT,      /* discipline inspection (纪检监察) */
  P_POLICY,       /* business divisions */
  P_INSTITUTION,  /* welfare home, relief station, … */
  P_WINDOW,       /* service windows */
  P_FUNERAL,      /* funeral home */
  N_PROFILES
} Profile;

enum
{
  CAT_THINKING,     /* 思想观念 */
  CAT_STYLE,        /* 工作作风 */
  CAT_EFFICIENCY,   /* 效率效能 */
  CAT_SERVICE,      /* 服务态度 */
  CAT_ABILITY,      /* 能力本领 */
  CAT_DISCIPLINE,   /* 纪律规矩 */
  CAT_INTEGRITY,    /* 廉洁自律 */
  CAT_TEAMWORK,     /* 团结协作 */
  CAT_RESPONSIBLE,  /* 担当作为 */
  N_CATEGORIES
};

/* The default lists of DOMAIN.md, in their order (used to find the seeded entries). */
static const char * const category_labels[N_CATEGORIES] = {
  "思想观念", "工作作风", "效率效能", "服务态度", "能力本领",
  "纪律规矩", "廉洁自律", "团结协作", "担当作为",
};

#define N_BENCHMARKS 5
static const char * const benchmark_labels[N_BENCHMARKS] = {
  "市委市政府要求", "岗位职责", "发展需要", "群众反映", "先进地区/单位",
};

#define N_DIMENSIONS 6
static const char * const dimension_labels[N_DIMENSIONS] = {
  "思想认识", "宗旨意识", "纪律规矩", "能力素质", "担当精神", "制度机制",
};

#define N_AREAS 5
static const char * const area_labels[N_AREAS] = {
  "社会救助", "养老服务", "扶残救乞", "基层治理", "专项事务",
};

typedef struct
{
  const char *code;     /* city bureau: the unit code; district units: the code suffix */
  const char *name;
  const char *kind;     /* bureau, division, subordinate, window */
  gboolean    focus;
  Profile     profile;
  int         size;     /* people at bureau scale; weight at city scale; < 0: fixed */
  int         area;     /* index into area_labels, or -1 */
  const char *lead_post;
  const char *biz[6];   /* the unit's business, NULL-terminated */
} UnitDef;

/* The bureau: ~20 units, 200 people. Sizes below 0 are kept at city scale. */
static const UnitDef bureau_units[] = {
  { "LJMZ", "临江市民政局", "bureau", FALSE, P_LEADERS, -5, -1, "局长",
    { "全局重点工作调度", "分管领域督促指导", "领导班子作风建设", NULL } },
  { "BGS", "办公室", "division", FALSE, P_OFFICE, 12, -1, "主任",
    { "公文运转", "12345热线工单办理", "信访件办理", "政务信息报送", "会议组织", NULL } },
  { "JJ", "驻局纪检监察组", "division", FALSE, P_INSPECT, -3, -1, "组长",
    { "日常监督检查", "信访举报核查", "廉政谈话", NULL } },
  { "JGDW", "机关党委", "division", FALSE, P_OFFICE, 5, -1, "专职副书记",
    { "党员教育管理", "主题党日活动", "党风廉政教育", NULL } },
  { "RSC", "人事处", "division", FALSE, P_OFFICE, 6, -1, "处长",
    { "干部考核", "职工教育培训", "考勤管理", "干部人事档案管理", NULL } },
  { "GHCW", "规划财务处", "division", FALSE, P_OFFICE, 8, -1, "处长",
    { "项目资金拨付", "预算执行", "政府采购", "福彩公益金使用管理", NULL } },
  { "SJ", "社会救助处", "division", TRUE, P_POLICY, 10, 0, "处长",
    { "低保审核审批", "临时救助", "特困人员供养认定", "低保对象动态管理", "救助资金发放", NULL } },
  { "YL", "养老服务处", "division", TRUE, P_POLICY, 9, 1, "处长",
    { "养老机构安全检查", "高龄津贴发放", "居家养老服务补贴审核", "养老机构备案", NULL } },
  { "SW", "社会事务处", "division", TRUE, P_POLICY, 8, 2, "处长",
    { "残疾人两项补贴审核", "流浪乞讨人员救助管理", "殡葬管理", "婚姻登记管理", NULL } },
  { "JC", "基层政权建设和社区治理处", "division", FALSE, P_POLICY, 8, 3, "处长",
    { "社区工作者队伍管理", "村（居）委会换届指导", "城乡社区服务站建设", "社区减负", NULL } },
  { "QH", "区划地名处", "division", FALSE, P_POLICY, 5, 4, "处长",
    { "地名命名审核", "门楼牌设置", "行政区划调整论证", NULL } },
  { "CS", "慈善事业促进和社会工作处", "division", FALSE, P_POLICY, 7, 4, "处长",
    { "社会组织登记审查", "慈善组织年检", "社会工作站建设", "慈善募捐备案", NULL } },
  { "FLY", "市社会福利院", "subordinate", TRUE, P_INSTITUTION, 30, 1, "院长",
    { "院内护理服务", "孤残儿童养育", "膳食管理", "入院评估", NULL } },
  { "JZZ", "市救助管理站", "subordinate", TRUE, P_INSTITUTION, 16, 2, "站长",
    { "流浪乞讨人员甄别", "街面巡查救助", "受助人员返乡", "站内安全管理", NULL } },
  { "BYG", "市殡仪馆", "subordinate", TRUE, P_FUNERAL, 22, 4, "馆长",
    { "殡葬服务收费", "遗体接运", "骨灰寄存", "殡葬用品销售", NULL } },
  { "HY", "市婚姻登记中心", "window", TRUE, P_WINDOW, 10, 4, "主任",
    { "结婚登记受理", "补领婚姻登记证", "婚姻登记预约", "婚姻家庭辅导", NULL } },
  { "CK", "市民政政务服务窗口", "window", TRUE, P_WINDOW, 9, 0, "负责人",
    { "窗口事项受理", "一次性告知", "网上办件审核", "帮办代办服务", NULL } },
  { "YLZX", "市养老服务指导中心", "subordinate", FALSE, P_INSTITUTION, 8, 1, "主任",
    { "养老服务补贴评估", "居家养老服务质量检查", "养老护理员培训", NULL } },
  { "HDZX", "市居民家庭经济状况核对中心", "subordinate", FALSE, P_POLICY, 8, 0, "主任",
    { "家庭经济状况核对", "核对报告出具", "核对数据共享", NULL } },
  { "FC", "市福利彩票发行中心", "subordinate", FALSE, P_INSTITUTION, 11, 4, "主任",
    { "销售站点管理", "福彩公益金宣传", "兑奖服务", NULL } },
};

/* Who is in charge of what in the bureau (分管): staff number of the leader → unit codes. */
static const char * const bureau_in_charge[] = {
  "BGS;RSC;GHCW",          /* JL001 局长 */
  "SJ;HDZX;JZZ",           /* JL002 副局长 */
  "YL;FLY;YLZX",           /* JL003 副局长 */
  "SW;BYG;HY;CK;QH",       /* JL004 副局长 */
  "JC;CS;FC;JGDW",         /* JL005 副局长 */
  NULL,
};

/* A district bureau at city scale; names are prefixed with the district's. */
static const UnitDef district_units[] = {
  { "", "民政局", "bureau", FALSE, P_LEADERS, -5, -1, "局长",
    { "全局重点工作调度", "分管领域督促指导", "领导班子作风建设", NULL } },
  { "BGS", "民政局办公室", "division", FALSE, P_OFFICE, 6, -1, "主任",
    { "公文运转", "12345热线工单办理", "信访件办理", NULL } },
  { "SJ", "民政局社会救助科", "division", TRUE, P_POLICY, 10, 0, "科长",
    { "低保审核审批", "临时救助", "特困人员供养认定", "低保对象动态管理", NULL } },
  { "YL", "民政局养老服务科", "division", TRUE, P_POLICY, 8, 1, "科长",
    { "养老机构安全检查", "高龄津贴发放", "居家养老服务补贴审核", NULL } },
  { "SW", "民政局社会事务科", "division", FALSE, P_POLICY, 8, 2, "科长",
    { "残疾人两项补贴审核", "殡葬管理", "社区减负", "地名命名审核", NULL } },
  { "FL", "社会福利中心", "subordinate", TRUE, P_INSTITUTION, 40, 1, "主任",
    { "院内护理服务", "膳食管理", "入院评估", "特困人员集中供养", NULL } },
  { "HY", "婚姻登记处", "window", TRUE, P_WINDOW, 10, 4, "主任",
    { "结婚登记受理", "补领婚姻登记证", "婚姻登记预约", NULL } },
  { "DT", "民政服务大厅", "window", TRUE, P_WINDOW, 12, 0, "负责人",
    { "窗口事项受理", "一次性告知", "网上办件审核", "帮办代办服务", NULL } },
};

/* District leaders (index in the district bureau) → unit code suffixes in charge. */
static const char * const district_in_charge[] = {
  "BGS", "SJ;DT", "YL;FL", "SW;HY", NULL,
};

typedef struct
{
  const char *code;
  const char *name;
} District;

static const District districts[] = {
  { "JBQ", "江北区" }, { "JNQ", "江南区" }, { "BJQ", "滨江区" },
  { "DSQ", "东山区" }, { "QHX", "清河县" },
};

typedef struct
{
  const char *post;
  gboolean    focus;
  int         weight;
} Post;

/* Members' posts by profile (leads get the unit's lead post). */
static const Post posts_office[] = {
  { "副处长", FALSE, 2 }, { "一级主任科员", FALSE, 2 }, { "二级主任科员", FALSE, 3 },
  { "四级主任科员", FALSE, 3 }, { "一级科员", FALSE, 3 }, { "科员", FALSE, 2 },
  { "驾驶员", FALSE, 1 }, { NULL, FALSE, 0 },
};
static const Post posts_inspect[] = {
  { "副组长", FALSE, 1 }, { "纪检监察员", FALSE, 3 }, { NULL, FALSE, 0 },
};
static const Post posts_policy[] = {
  { "副处长", FALSE, 2 }, { "一级主任科员", FALSE, 2 }, { "二级主任科员", FALSE, 2 },
  { "四级主任科员", FALSE, 3 }, { "一级科员", FALSE, 2 }, { "科员", FALSE, 2 },
  { "审核岗", TRUE, 2 }, { "资金管理岗", TRUE, 1 }, { NULL, FALSE, 0 },
};
static const Post posts_institution[] = {
  { "副主任", FALSE, 1 }, { "护理员", FALSE, 6 }, { "社工", FALSE, 3 }, { "医生", FALSE, 1 },
  { "护士", FALSE, 2 }, { "会计", TRUE, 1 }, { "后勤管理员", FALSE, 1 },
  { "救助管理员", TRUE, 2 }, { "安全管理员", FALSE, 1 }, { NULL, FALSE, 0 },
};
static const Post posts_window[] = {
  { "副主任", FALSE, 1 }, { "窗口受理员", TRUE, 5 }, { "综合服务岗", FALSE, 2 },
  { "导办员", FALSE, 1 }, { "帮办代办员", TRUE, 1 }, { NULL, FALSE, 0 },
};
static const Post posts_funeral[] = {
  { "副馆长", FALSE, 1 }, { "殡仪服务员", TRUE, 4 }, { "收费员", TRUE, 2 },
  { "遗体接运员", FALSE, 2 }, { "火化工", FALSE, 2 }, { "业务洽谈员", TRUE, 2 },
  { "会计", TRUE, 1 }, { NULL, FALSE, 0 },
};

static const Post * const profile_posts[N_PROFILES] = {
  posts_office, posts_office, posts_inspect, posts_policy, posts_institution, posts_window,
  posts_funeral,
};

/* How often each category comes up, by profile. */
static const int profile_categories[N_PROFILES][N_CATEGORIES] = {
  { 6, 8, 2, 1, 2, 2, 2, 2, 6 },  /* leaders */
  { 4, 8, 6, 2, 4, 4, 2, 4, 4 },  /* office */
  { 4, 6, 2, 2, 4, 4, 2, 2, 4 },  /* inspection */
  { 4, 8, 6, 4, 4, 2, 2, 4, 6 },  /* policy */
  { 2, 4, 4, 6, 4, 6, 2, 4, 2 },  /* institution */
  { 2, 4, 8, 10, 4, 4, 2, 2, 2 }, /* window */
  { 2, 4, 4, 6, 2, 4, 8, 2, 2 },  /* funeral */
};

/* The dimension a cause of each category most often has. */
static const int category_dimension[N_CATEGORIES] = { 0, 4, 5, 1, 3, 2, 2, 5, 4 };

typedef struct
{
  const char *title;        /* the problem's title when findings are merged */
  const char *text;         /* the phenomenon (摆现象) */
} Phenomenon;

#define N_PHENOMENA 5
static const Phenomenon phenomena[N_CATEGORIES][N_PHENOMENA] = {
  { /* 思想观念 */
    { "{biz}存在守摊子思想",
      "在{biz}工作中满足于按老办法、老经验办事，存在“不求有功、但求无过”的守摊子思想，主动谋划和改革创新的意识不强" },
    { "{biz}思想观念没有跟上改革要求",
      "对“最多跑一次”改革要求理解不深，{biz}仍习惯让群众多头提交、反复提交材料，思想观念没有跟上改革步伐" },
    { "节后收心慢、工作状态松懈",
      "节后收心归位不够快，存在“年还没过完，工作慢慢干”的想法，{biz}相关工作推进节奏偏慢" },
    { "{biz}工作标准不高",
      "对{biz}工作满足于“过得去”“差不多”，标准不高、要求不严，缺少争第一、创唯一的精气神" },
    { NULL, NULL } },
  { /* 工作作风 */
    { "{biz}有部署无落实",
      "{biz}工作重部署、轻落实，存在有上文、无下文，说得多、做得少的现象，一些任务停留在文件上" },
    { "{biz}存在形式主义倾向",
      "{biz}台账资料追求“花架子”，重痕迹、轻实效，检查前突击补材料，表面文章多" },
    { "{biz}调查研究不深入",
      "深入基层调查研究不够，对{biz}中的实际困难掌握不准，习惯坐在办公室听汇报、看材料指导工作" },
    { "{biz}中敷衍塞责",
      "对{biz}中群众反映的问题答复敷衍，简单转办了事，不跟踪、不问效，存在“与我无关”的思想" },
    { "{biz}推诿扯皮",
      "{biz}涉及多个处室、单位时相互推诿扯皮，群众诉求在部门之间来回“踢皮球”" } },
  { /* 效率效能 */
    { "{biz}办理超时",
      "{biz}办理时限意识不强，部分事项超过承诺时限才办结，群众等待时间长" },
    { "{biz}流程繁琐、材料反复退改",
      "{biz}审核环节多、流程长，申请材料反复退改，一次性告知不到位，办事效率不高" },
    { "{biz}信息化手段运用不足",
      "{biz}仍以纸质流转为主，部门间数据不共享，群众能网上办的事项还要跑现场" },
    { "{biz}工作拖沓",
      "办理{biz}时习惯“等一等、放一放”，急事不急办，影响工作整体进度" },
    { NULL, NULL } },
  { /* 服务态度 */
    { "{biz}中轻易对群众说“不”",
      "对群众诉求轻易说“不”，{biz}材料不全时简单拒绝，不主动告知补正办法" },
    { "{biz}中存在“一棍子打死”现象",
      "对{biz}中不完全符合条件的申请“一棍子打死”，不解释政策、不想办法，群众意见较大" },
    { "{biz}中服务态度生硬",
      "个别工作人员在{biz}中态度生硬，存在脸难看、话难听、事难办的现象" },
    { "{biz}中刁难群众",
      "{biz}中要求群众提供非必要证明材料，以“领导不在”“系统故障”为由让群众多次往返，有刁难群众之嫌" },
    { NULL, NULL } },
  { /* 能力本领 */
    { "{biz}政策掌握不准",
      "对{biz}相关政策法规学习不深不透，答复群众咨询时解释不清、口径不一" },
    { "{biz}依法行政意识不强",
      "法治思维不强，{biz}中依法行政、按程序办事的意识有待提高，个别环节存在程序瑕疵" },
    { "{biz}专业能力不足",
      "{biz}专业化水平不高，面对新情况新问题办法不多，“本领恐慌”问题比较突出" },
    { NULL, NULL }, { NULL, NULL } },
  { /* 纪律规矩 */
    { "考勤纪律执行不严",
      "考勤纪律执行不严，存在迟到早退、上班时间玩手机、办私事等现象" },
    { "{biz}中落实八项规定精神不严",
      "对“八项规定”精神和“十二条禁令”学习领会不够，{biz}中公务接待、公车使用把关不严" },
    { "学习培训纪律松懈",
      "参加政治理论学习和业务培训时纪律松懈，存在迟到、玩手机、开小差现象" },
    { "{biz}请示报告不及时",
      "执行请示报告制度不严格，{biz}中遇到重要情况不及时请示报告，先斩后奏" },
    { NULL, NULL } },
  { /* 廉洁自律 */
    { "{biz}中存在吃拿卡要苗头",
      "{biz}中存在吃拿卡要的苗头，对服务对象赠送的土特产、购物卡等没有坚决拒收" },
    { "{biz}中存在变相收费",
      "{biz}中以“服务费”“加急费”等名义变相收费，或者搭售服务项目，群众反映强烈" },
    { "{biz}廉洁风险防控不到位",
      "廉洁风险防控意识不强，{biz}关键环节权力集中，缺少相互制约和监督" },
    { NULL, NULL }, { NULL, NULL } },
  { /* 团结协作 */
    { "{biz}中部门协作不够",
      "处室之间沟通协调不够，{biz}中信息不共享、工作不衔接，存在各自为战现象" },
    { "传帮带作用发挥不够",
      "老同志“传、帮、带”作用发挥不够，年轻同志在{biz}中缺少指导，业务容易断档" },
    { "{biz}中补台意识不强",
      "大局意识不强，对{biz}中分外的工作不愿多干，互相补台、互帮互助的氛围不浓" },
    { NULL, NULL }, { NULL, NULL } },
  { /* 担当作为 */
    { "{biz}中怕担责任、不敢拍板",
      "面对{biz}中的难点问题怕担责任，习惯层层请示、上交矛盾，不敢拍板、不愿碰硬" },
    { "{biz}中遇到矛盾绕着走",
      "遇到{biz}中的矛盾和复杂问题绕着走，满足于不出事，缺乏“志不求易、事不避难”的劲头" },
    { "{biz}工作主动性不强",
      "{biz}工作习惯于“等靠要”，上级推一下动一下，主动作为、靠前服务不够" },
    { NULL, NULL }, { NULL, NULL } },
};

/* Who a self-inspection sentence is about, and how it ends: the core of the sentence
 * stays, so colleagues' findings come out as near-duplicates. A sentence that begins with
 * the business takes an owner instead of a subject. */
static const char * const subjects[] = {
  "", "", "本人", "个别同志", "部分同志", "少数干部职工",
};
static const char * const owners[] = {
  "", "", "本人负责的", "本单位",
};
static const char * const endings[] = {
  "。", "。", "，群众有意见。", "，影响了民政部门形象。", "，工作成效打了折扣。",
  "，在满意度测评中有所反映。",
};

#define N_EXAMPLES 3
static const char * const examples[N_CATEGORIES][N_EXAMPLES] = {
  { "{m}月研究{biz}改进措施时，本人认为“多年都是这么办的”，没有提出新的办法。",
    "外地已推行{biz}“免申即享”，我们仍要求群众逐级申报，{m}月群众为此咨询{n}次。",
    "{m}月全市作风效能建设大会后，本处室没有及时研究{biz}的具体落实措施。" },
  { "{m}月印发的{biz}工作方案明确了{n}项任务，到年底仍有{few}项没有跟踪检查。",
    "{m}月迎接上级检查时，临时突击补写{biz}会议记录和工作台账{n}本。",
    "{m}月一件{biz}群众诉求在{n}个处室之间转了{k}次，历时{days}天才有结果。" },
  { "{m}月{dd}日12345热线转办件反映，{biz}超过承诺时限{n}个工作日仍未办结。",
    "{m}月，{street}一位申请人为办理{biz}先后往返{n}次，每次都被要求补充不同的材料。",
    "{m}月抽查{k}件{biz}办件，有{few}件超过规定时限。" },
  { "{m}月，一位老人咨询{biz}，工作人员只说“不符合条件”，没有告知其他救助渠道。",
    "{m}月，{street}群众反映在办理{biz}时被工作人员呵斥，现场争执约{k}分钟。",
    "{m}月{dd}日，一位残疾人家属办理{biz}因缺少一份复印件被拒，没有人告诉他可以容缺受理。" },
  { "{m}月群众咨询{biz}政策，本人答复与政策文件不一致，后经处室核实才予以更正。",
    "{m}月一起行政复议案件中，{biz}因告知程序不完整被要求重新作出决定。",
    "{m}月全局业务测试中，{biz}相关题目的正确率只有{pct}%。" },
  { "{m}月至{m2}月考勤记录显示，本人迟到早退{n}次，上班时间办私事{few}次。",
    "{m}月参加全局业务培训时，有{n}名同志中途离场或玩手机。",
    "{m}月一次{biz}工作接待超出了标准，事后才补办审批手续。" },
  { "{m}月，一位服务对象家属送来土特产表示感谢，本人虽婉拒但没有按规定报告。",
    "{m}月抽查发现，{biz}中有{n}笔费用没有按公示标准收取，多收{k}0余元。",
    "{biz}的审核、审批、资金发放{m}月前由同一人经手，没有分岗制约。" },
  { "{m}月开展{biz}时，相关处室各自发文，基层需要重复报送{n}套表格。",
    "新入职的{n}名同志独立办理{biz}前没有得到系统带教，{m}月出错{k}次。",
    "{m}月一项{biz}临时任务，处室之间相互等待，拖了{days}天才启动。" },
  { "{m}月一件涉及{biz}的疑难申请，本人因担心担责，层层请示{days}天没有答复。",
    "对{biz}中的历史遗留问题，{few}年来一直“挂账”没有解决。",
    "{m}月上级要求在{biz}上先行先试，本处室以条件不成熟为由没有申报。" },
};

static const char * const gaps[N_BENCHMARKS] = {
  "对照市委、市政府作风效能建设和“最多跑一次”改革要求，{biz}在办理时限、服务质量上还有明显差距。",
  "对照岗位职责要求，本人在{biz}中履职尽责不到位，工作标准不高、要求不严。",
  "对照民政事业高质量发展需要，{biz}的创新意识和专业化服务能力还不相适应。",
  "对照群众期盼，{biz}的办事体验还有差距，去年群众满意度测评仅为{pct}%。",
  "与{adv}相比，对方{biz}已实现“一网通办”、{few}个工作日办结，我们平均需要{k}个工作日。",
};

static const char * const causes[N_DIMENSIONS][2] = {
  { "思想上放松了要求，对作风建设的重要性认识不足，认为{biz}是常规工作，按部就班即可。",
    "对新时代民政工作的新要求学习领会不深，思想观念更新不及时，习惯于凭经验办事。" },
  { "宗旨意识淡化，没有真正站在群众角度考虑问题，对群众的急难愁盼感受不深。",
    "“店小二”服务理念树得不牢，把服务群众当作管理群众，群众观点树立得不够牢固。" },
  { "纪律规矩意识不强，对制度执行不严格，存在“下不为例”的侥幸心理。",
    "对“八项规定”精神和“十二条禁令”学习不深，自我约束不严，警示教育入脑入心不够。" },
  { "学习不够系统深入，{biz}相关业务知识更新不及时，应对新情况新问题的本领不足。",
    "专业化培训少，信息化应用能力弱，“干什么”与“专什么”结合得不好。" },
  { "担当精神不足，怕出错、怕担责，遇到难题习惯往上交、往外推。",
    "干事创业的激情有所减退，满足于不出事、过得去，缺少“舍我其谁”的担当。" },
  { "{biz}的工作流程和内部制约机制不健全，首问负责、限时办结等制度落实不到位。",
    "考核评价机制不完善，干多干少、干好干坏区别不大，激励约束作用发挥不够。" },
};

static const char * const why_chains[] = {
  "为什么群众要多次往返？——一次性告知不到位。\n为什么告知不到位？——没有统一的材料清单。\n为什么没有清单？——处室之间没有明确牵头责任。",
  "为什么办理超时？——审核环节太多。\n为什么环节多？——每个环节都怕担责任，层层把关。\n为什么怕担责任？——容错纠错机制没有落地。",
  "为什么台账重痕迹？——检查只看资料。\n为什么只看资料？——考核指标没有体现群众评价。",
  "为什么对政策解释不清？——业务培训少。\n为什么培训少？——把培训当作软任务，年度计划没有落实。",
};

typedef struct
{
  const char *text;
  ZcTermType  term;
} Measure;

#define N_MEASURES 3
static const Measure measures[N_CATEGORIES][N_MEASURES] = {
  { { "组织开展解放思想大讨论，围绕{biz}改革创新形成具体举措，{mon}月底前报局党组审定", ZC_TERM_TYPE_DEADLINE },
    { "坚持每月开展一次作风建设专题学习，对照先进地区查找{biz}工作差距", ZC_TERM_TYPE_ONGOING },
    { "立即召开处室会议，对照全市会议精神重新研究{biz}全年工作安排", ZC_TERM_TYPE_IMMEDIATE } },
  { { "对{biz}重点任务实行清单化管理，逐项明确责任人和完成时限，每月调度一次", ZC_TERM_TYPE_ONGOING },
    { "清理{biz}中的重复报表和台账，取消不必要的留痕要求", ZC_TERM_TYPE_IMMEDIATE },
    { "建立{biz}跨处室协调会商机制，明确牵头处室和办理时限，{mon}月底前印发", ZC_TERM_TYPE_DEADLINE } },
  { { "全面梳理{biz}办事流程，压减办理环节和时限，{mon}月底前公布新流程", ZC_TERM_TYPE_DEADLINE },
    { "立即公开{biz}一次性告知清单，在窗口和网站同步公示", ZC_TERM_TYPE_IMMEDIATE },
    { "推进{biz}网上办理和数据共享，{mon}月底前上线运行", ZC_TERM_TYPE_DEADLINE } },
  { { "立即开展{biz}服务规范专题培训，推行首问负责和文明用语", ZC_TERM_TYPE_IMMEDIATE },
    { "建立{biz}不予受理事项报告制度，说“不”须经负责人审核并告知救济途径", ZC_TERM_TYPE_DEADLINE },
    { "坚持开展{biz}服务对象回访，每月通报满意度结果", ZC_TERM_TYPE_ONGOING } },
  { { "制定{biz}政策业务培训计划，{mon}月底前完成全员轮训和测试", ZC_TERM_TYPE_DEADLINE },
    { "编印{biz}政策问答手册，做到群众咨询“一口清”", ZC_TERM_TYPE_DEADLINE },
    { "坚持每季度开展一次{biz}案卷评查，以案促学", ZC_TERM_TYPE_ONGOING } },
  { { "立即开展考勤纪律专项检查，通报检查结果", ZC_TERM_TYPE_IMMEDIATE },
    { "修订{biz}相关接待和公车使用管理规定，{mon}月底前印发执行", ZC_TERM_TYPE_DEADLINE },
    { "坚持每月开展一次纪律作风明察暗访", ZC_TERM_TYPE_ONGOING } },
  { { "立即对{biz}收费项目和标准进行全面清理，在醒目位置公示", ZC_TERM_TYPE_IMMEDIATE },
    { "排查{biz}廉洁风险点，实行审核、审批、发放分岗制约，{mon}月底前完成", ZC_TERM_TYPE_DEADLINE },
    { "坚持开展廉政警示教育，每季度组织一次案例剖析", ZC_TERM_TYPE_ONGOING } },
  { { "建立{biz}信息共享和工作衔接机制，{mon}月底前明确各方职责", ZC_TERM_TYPE_DEADLINE },
    { "实行{biz}新老结对“传帮带”，明确带教内容和期限", ZC_TERM_TYPE_DEADLINE },
    { "坚持每月召开一次处室联席会议，协调解决{biz}中的交叉问题", ZC_TERM_TYPE_ONGOING } },
  { { "对{biz}中的历史遗留问题逐件建立台账，明确包案领导，{mon}月底前提出解决方案", ZC_TERM_TYPE_DEADLINE },
    { "落实容错纠错机制，对{biz}中的疑难事项实行集体研究、限时答复", ZC_TERM_TYPE_DEADLINE },
    { "立即对积压的{biz}疑难件进行集中会商，逐件明确办理意见", ZC_TERM_TYPE_IMMEDIATE } },
};

/* Peer suggestions, for a colleague ({name}) or for a unit ({unit}). */
typedef struct
{
  int         category;
  const char *text;
} Sentence;

static const Sentence suggestions_person[] = {
  { CAT_SERVICE, "建议{name}同志在{biz}中进一步增强服务意识，群众咨询时耐心解释，不要一句“不归我们管”就打发了。" },
  { CAT_EFFICIENCY, "{name}同志工作认真，但{biz}中有时拖到最后才办，建议增强时限意识。" },
  { CAT_ABILITY, "建议{name}同志加强{biz}政策学习，对群众咨询做到“一口清”。" },
  { CAT_DISCIPLINE, "{name}同志上班时间有时玩手机，希望注意工作纪律。" },
  { CAT_TEAMWORK, "{name}同志业务熟练，建议多带一带新同志，把{biz}的经验传下去。" },
  { CAT_RESPONSIBLE, "建议{name}同志遇到{biz}中的难题多拿主意，不要事事都等领导拍板。" },
};

static const Sentence suggestions_unit[] = {
  { CAT_STYLE, "{unit}在{biz}中各环节衔接不够，建议建立内部流转时限。" },
  { CAT_EFFICIENCY, "建议{unit}公开{biz}办事指南和材料清单，减少群众跑腿。" },
  { CAT_STYLE, "{unit}开会多、发文多，基层负担较重，建议精简会议和文件。" },
  { CAT_TEAMWORK, "{unit}与相关处室在{biz}上配合不够，建议明确牵头和配合责任。" },
  { CAT_THINKING, "{unit}在{biz}上可以学习先进地区的做法，大胆创新。" },
};

static const Sentence feedback_texts[5][2] = {
  { { CAT_SERVICE, "12345热线：市民{person}反映，到{unit}办理{biz}时工作人员态度冷淡，让其回去等通知，至今没有答复。" },
    { CAT_EFFICIENCY, "12345热线：群众反映{unit}{biz}咨询电话长时间无人接听。" } },
  { { CAT_EFFICIENCY, "满意度问卷调查中，有{n}名受访群众反映{unit}{biz}等候时间过长、一次性告知不清。" },
    { CAT_SERVICE, "满意度问卷调查中，{pct}%的受访者认为{unit}窗口服务“一般”或“不满意”，意见集中在{biz}。" } },
  { { CAT_INTEGRITY, "群众来信反映{unit}在{biz}中收取“加急费”，要求核查处理。" },
    { CAT_STYLE, "群众来信反映{unit}对{biz}问题答复敷衍，信访件转来转去没有结果。" } },
  { { CAT_SERVICE, "来访群众{person}反映，申请{biz}被告知不符合条件，但没有说明依据。" },
    { CAT_RESPONSIBLE, "来访群众反映{unit}对{biz}中的历史遗留问题长期不予解决。" } },
  { { CAT_EFFICIENCY, "政府网站“领导信箱”留言：{unit}办理{biz}要求提供的证明材料过多，希望简化。" },
    { CAT_STYLE, "网上留言反映{unit}{biz}的办事指南内容陈旧，与实际要求不一致。" } },
};

static const char * const streets[] = {
  "城东街道", "新华街道", "解放路街道", "滨河街道", "北关街道", "南湖街道", "和平街道",
  "东风街道", "江湾镇", "青山镇", "柳林乡", "月湖街道",
};

static const char * const advanced[] = {
  "杭州市", "宁波市", "苏州市", "厦门市", "成都市", "青岛市",
};

static const char * const review_comments[] = {
  "问题查摆不够具体，请结合岗位职责补充具体事例，深入剖析思想根源。",
  "查摆的问题偏于客观，请多从自身找原因，对照“五种风气”再深挖。",
  "整改措施过于笼统，请明确整改时限和具体做法。",
  "原因分析停留在表面，请从思想认识和宗旨意识上深挖。",
};

static const char * const finding_comments[] = {
  "这条事例不够具体，请写明时间、事项和经过。",
  "原因分析请从主观上找，不要只讲客观条件。",
  "整改措施要可检查、可衡量。",
};

static const char * const approve_comments[] = {
  NULL, NULL, "查摆问题具体，原因剖析深刻，同意。", "同意。请抓好整改落实。",
};

static const char * const progress_early[] = {
  "已召开专题会议研究部署，制定整改方案，明确责任人和时间节点。",
  "已完成问题梳理，正在起草{biz}相关制度。",
  "已组织相关人员开展专题学习，正在对照问题逐项整改。",
};
static const char * const progress_middle[] = {
  "{biz}相关制度初稿已形成，正在征求各处室意见。",
  "已完成{n}项整改任务中的{few}项，其余正在推进。",
  "已开展专项检查{n}次，发现并整改问题{k}个。",
  "新流程已在窗口试运行，正在收集群众意见。",
};
static const char * const progress_done[] = {
  "整改任务已全部完成，相关制度已印发执行，佐证材料已上传。",
  "经回访服务对象，问题已得到解决，申请销号。",
  "整改措施全部落实到位，已建立长效机制。",
};
static const char * const progress_ongoing[] = {
  "本月按计划开展了{biz}监督检查，抽查{k}件，没有发现新问题。",
  "本月组织专题学习一次，参加{k}人，形成心得体会{few}篇。",
  "按季度开展{biz}回访，群众满意度{pct}%。",
};
static const char * const progress_after_reject[] = {
  "已按销号意见补充完善，相关材料已重新上传。",
};

static const char * const close_notes[] = {
  "经核查，整改措施落实到位，佐证材料齐全，同意销号。",
  "经实地检查和回访群众，问题已整改到位，同意销号。",
};
static const char * const reject_reasons[] = {
  "佐证材料不全，缺少制度文件印发记录，请补充后重新申请。",
  "整改停留在表面，群众反映的问题仍然存在，暂不同意销号。",
};
static const char * const evaluation_notes[] = {
  "回访服务对象{k}人，均表示满意。",
  "群众认为办事更方便了，但希望进一步缩短时限。",
  "群众反映问题依然存在，对整改效果不满意。",
};

static const char * const order_reasons[] = {
  "该整改事项已超过整改时限仍未完成，请于要求时限内完成整改并书面反馈。",
  "该事项整改进度明显滞后，群众仍有反映，现予督办。",
};
static const char * const remind_texts[] = {
  "督办事项已到反馈时限，请抓紧落实并书面反馈。",
};
static const char * const answer_texts[] = {
  "已召开专题会议研究，明确专人负责，计划于{date}前完成整改。",
  "已按督办要求完成整改，相关佐证材料已上传整改台账。",
};
static const char * const conclude_texts[] = {
  "反馈情况属实，督办事项办结，继续跟踪整改成效。",
};

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
  "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
  "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹",
  "薛", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万",
  "钱", "严", "武", "戴", "莫", "孔", "向", "汤", "欧阳", "司马",
};

static const char * const given_chars[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
  "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "国", "文", "辉", "玲", "鹏",
  "斌", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "波", "宏", "志", "红", "梅", "琳",
  "燕", "雪", "晨", "欣", "婷", "颖", "佳", "丹", "莉", "萍", "慧", "鑫", "博", "晓", "晶",
  "亮", "飞", "峰", "毅", "海", "蕾", "倩", "瑶", "璐", "昊", "然", "子", "涵", "思", "雨",
  "诗", "悦", "嘉", "雅", "家", "梓", "睿", "泽", "航", "天", "翔", "振", "兴", "永", "庆",
  "春", "秋", "立", "新", "正", "德", "忠", "学", "成", "光", "荣", "玉", "凤", "兰", "云",
};

/* Measures for a term type when a category has none of that type. */
static const char * const generic_measures[4] = {
  NULL,
  "立即开展{biz}专项自查，对发现的问题当场整改",
  "制定{biz}工作规程，明确各环节办理时限，{mon}月底前印发实施",
  "建立{biz}常态化监督检查机制，每月抽查、每季度通报",
};

static const char * const generic_pledges[] = {
  "带头严守“八项规定”精神和“十二条禁令”，不吃拿卡要、不变相收费，做到清正廉洁。",
  "对群众诉求不轻易说“不”，做到有话好好说、有事好好办。",
  "带头落实首问负责、一次性告知、限时办结制度，主动接受群众监督。",
  "每月向全体干部职工通报整改进展，做到问题不解决不放过、整改不到位不销号。",
};

/* ======================================================================================
 * Model
 * ====================================================================================== */

typedef enum
{
  FORM_NOT_STARTED,
  FORM_DRAFT,
  FORM_SUBMITTED,     /* waiting for review */
  FORM_RETURNED,      /* returned, not corrected yet */
  FORM_RESUBMITTED,   /* returned, corrected, waiting again */
  FORM_REAPPROVED,    /* returned, corrected, approved */
  FORM_APPROVED,
  N_FORM_FATES
} FormFate;

typedef struct
{
  char     *code;
  char     *name;
  const char *post;
  guint     unit;
  ZcRole    roles;
  gboolean  focus_post;
  char     *in_charge;   /* unit codes joined by ';' */
  ZcPerson *obj;
  FormFate  fate;
  gint64    form_id;
  ZcForm   *form;        /* the store identifies records by id: one handle will do */
} DemoPerson;

typedef struct
{
  const UnitDef *def;
  char       *code;
  char       *name;
  char       *prefix;       /* of the staff codes */
  const char *parent_code;
  guint       first;        /* people first … first + n - 1; the lead is first */
  guint       n;
  int         leader;       /* the leader in charge (person index), -1 */
  int         n_biz;
  ZcUnit     *obj;
  GArray     *items;        /* guint indexes into Demo.items */
  gint64      commitment_id;
  guint       red;          /* items planned to be red today */
  guint       closed;
} DemoUnit;

typedef struct
{
  gint64  id;
  guint   unit;
  guint8  category;
  guint8  phenomenon;
  guint8  biz;
  char   *title;
} DemoProblem;

typedef enum
{
  FATE_CLOSED,
  FATE_CLOSED_LATE,       /* closed after its deadline, with a concluded order */
  FATE_CLOSED_REJECTED,   /* rejected once, then closed */
  FATE_AWAITING,
  FATE_AWAITING_LATE,     /* waiting for close-out after the deadline: red */
  FATE_REJECTED,          /* rejected, back in progress */
  FATE_GREEN,
  FATE_YELLOW_SOON,       /* the deadline is within the warning window */
  FATE_YELLOW_BEHIND,     /* progress behind the elapsed time */
  FATE_RED,
  FATE_ONGOING,
  FATE_ONGOING_LATE,      /* every review date has passed: red */
  FATE_PLANNED,           /* starts later: green */
  FATE_PLANNED_BEHIND,    /* should have started: yellow */
  FATE_PLANNED_RED,
  N_FATES
} ItemFate;

/* Shares of the fates in percent (they add up to 100). */
static const int fate_shares[N_FATES] = { 20, 4, 4, 7, 1, 3, 23, 6, 6, 6, 10, 2, 5, 2, 1 };

typedef struct
{
  gint64      id;
  guint       problem;
  guint       unit;
  guint       person;       /* the responsible person */
  ItemFate    fate;
  ZcTermType  term;
  int         created;      /* day */
  int         start;
  int         deadline;     /* the deadline, or the last review date of ongoing items */
  char       *review_dates;
  char       *measure;
  ZcItem     *obj;
} DemoItem;

typedef struct
{
  gint64       id;
  guint        item;        /* G_MAXUINT: an order on the whole unit */
  guint        unit;
  ZcOrderState state;       /* the state it ends in */
  ZcOrder     *obj;
} DemoOrder;

typedef enum
{
  EV_WRITE,          /* index: person */
  EV_REVIEW,         /* index: person (the author); flag: second review */
  EV_RESUBMIT,       /* index: person */
  EV_SUGGEST,        /* index: person (the author) */
  EV_FEEDBACK,       /* index: unit */
  EV_PROGRESS,       /* index: item; value: percent; flag: FLAG_* */
  EV_REQUEST,
  EV_CLOSE,
  EV_REJECT,
  EV_EVALUATE,
  EV_ISSUE,          /* index: order */
  EV_REMIND,
  EV_ANSWER,
  EV_CONCLUDE,
  EV_ITEMS,          /* index: unit: the lead writes the unit's ledger */
  EV_COMMIT,         /* index: unit; flag: publish */
  EV_AMEND,          /* index: unit; flag: publish */
  EV_MONTHLY,        /* index: unit */
  EV_MERITS,
} EventKind;

enum
{
  FLAG_EVIDENCE = 1 << 0,   /* progress: attach evidence files */
  FLAG_BY_LEAD  = 1 << 1,   /* progress: reported by the lead, not the responsible person */
  FLAG_AFTER_REJECT = 1 << 2,
  FLAG_SECOND   = 1 << 3,   /* review: of a corrected form */
  FLAG_PUBLISH  = 1 << 4,
};

typedef struct
{
  int     day;
  guint   seq;
  guint8  kind;
  guint8  flags;
  guint16 value;
  guint   index;
} Event;

typedef struct
{
  ZcStore    *store;
  GRand      *rand;
  gboolean    city;
  char       *today;          /* the real today, day 0 */
  char       *saved_today;    /* the store's fixed day before the demo */
  char       *tmpdir;
  int         day;            /* the store's current day */

  void      (*progress) (double fraction, gpointer data);
  gpointer    progress_data;

  gint64      categories[N_CATEGORIES];
  gint64      benchmarks[N_BENCHMARKS];
  gint64      dimensions[N_DIMENSIONS];
  gint64      areas[N_AREAS];
  GHashTable *category_index;  /* entry id → category index + 1 */

  GPtrArray  *units;           /* DemoUnit* */
  GArray     *people;          /* DemoPerson */
  GArray     *problems;        /* DemoProblem */
  GArray     *items;           /* DemoItem */
  GArray     *orders;          /* DemoOrder */
  GArray     *events;          /* Event */
  GHashTable *findings;        /* finding id → packed category, phenomenon, biz (+1) */
  GArray     *inspectors;      /* person indexes */
  guint       seq;
  guint       n_evidence;
  guint       max_evidence;
  int         past_months[12]; /* month numbers before the inspection phase */
} Demo;

/* Campaign calendar, in days from today. */
#define DAY_START          (-100)
#define DAY_INSPECTION     (-92)
#define DAY_AGGREGATION    (-57)
#define DAY_RECTIFICATION  (-55)
#define DAY_EVALUATION     45
#define DAY_END            75

#define CITY_PEOPLE        12000

#define PERSON(d, i) (&g_array_index ((d)->people, DemoPerson, (i)))
#define UNIT(d, i)   ((DemoUnit *) g_ptr_array_index ((d)->units, (i)))
#define ITEM(d, i)   (&g_array_index ((d)->items, DemoItem, (i)))
#define PROBLEM(d, i) (&g_array_index ((d)->problems, DemoProblem, (i)))
#define ORDER(d, i)  (&g_array_index ((d)->orders, DemoOrder, (i)))

/* ======================================================================================
 * Helpers
 * ====================================================================================== */

static int
rnd (Demo *d,
     int   lo,
     int   hi)
{
  if (hi <= lo)
    return lo;
  return g_rand_int_range (d->rand, lo, hi + 1);
}

/* MIN and MAX evaluate their arguments twice: not for random numbers. */
static inline int
imin (int a,
      int b)
{
  return a < b ? a : b;
}

static inline int
imax (int a,
      int b)
{
  return a > b ? a : b;
}

static gboolean
chance (Demo   *d,
        double  p)
{
  return g_rand_double (d->rand) < p;
}

#define PICK(d, array) ((array)[rnd ((d), 0, G_N_ELEMENTS (array) - 1)])

static int
pick_weighted (Demo      *d,
               const int *weights,
               guint      n)
{
  int total = 0;
  int r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  r = rnd (d, 0, total - 1);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

static char *
day_date (Demo *d,
          int   day)
{
  return zc_date_add_days (d->today, day);
}

/* Moves the store's "today" to @day. */
static void
set_day (Demo *d,
         int   day)
{
  g_autofree char *date = NULL;

  if (day == d->day)
    return;
  date = day_date (d, day);
  zc_store_set_today (d->store, date);
  d->day = day;
}

static int
day_month (Demo *d,
           int   day)
{
  GDate date;
  g_autofree char *text = day_date (d, day);

  zc_date_parse (text, &date);
  return g_date_get_month (&date);
}

/* "3月12日" */
static char *
day_label (Demo *d,
           int   day)
{
  GDate date;
  g_autofree char *text = day_date (d, day);

  zc_date_parse (text, &date);
  return g_strdup_printf ("%d月%d日", g_date_get_month (&date), g_date_get_day (&date));
}

static int
round5 (double value)
{
  int v = (int) (value / 5.0 + 0.5) * 5;

  return CLAMP (v, 0, 100);
}

typedef struct
{
  const char *biz;
  const char *unit;
  const char *name;
  const char *date;
  int         mon;
} Fill;

/* Expands the {placeholders} of a content template; numbers are drawn as it goes. */
static char *
fill (Demo       *d,
      const char *tmpl,
      const Fill *f)
{
  GString *out = g_string_sized_new (strlen (tmpl) + 64);
  const char *p = tmpl;
  int m_index = rnd (d, 1, 10);

  while (*p)
    {
      const char *open = strchr (p, '{');
      const char *close;
      gsize len;

      if (open == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      close = strchr (open, '}');
      g_assert (close != NULL);
      len = close - open - 1;
#define KEY(k) (len == strlen (k) && strncmp (open + 1, k, len) == 0)
      if (KEY ("biz"))
        g_string_append (out, f && f->biz ? f->biz : "业务工作");
      else if (KEY ("unit"))
        g_string_append (out, f && f->unit ? f->unit : "本单位");
      else if (KEY ("name"))
        g_string_append (out, f && f->name ? f->name : "");
      else if (KEY ("date"))
        g_string_append (out, f && f->date ? f->date : "");
      else if (KEY ("person"))
        g_string_append_printf (out, "%s%s", PICK (d, surnames), chance (d, 0.5) ? "女士" : "先生");
      else if (KEY ("street"))
        g_string_append (out, PICK (d, streets));
      else if (KEY ("adv"))
        g_string_append (out, PICK (d, advanced));
      else if (KEY ("n"))
        g_string_append_printf (out, "%d", rnd (d, 3, 6));
      else if (KEY ("few"))
        g_string_append_printf (out, "%d", rnd (d, 1, 2));
      else if (KEY ("k"))
        g_string_append_printf (out, "%d", rnd (d, 7, 15));
      else if (KEY ("days"))
        g_string_append_printf (out, "%d", rnd (d, 5, 20));
      else if (KEY ("pct"))
        g_string_append_printf (out, "%d", rnd (d, 62, 88));
      else if (KEY ("m"))
        g_string_append_printf (out, "%d", d->past_months[m_index]);
      else if (KEY ("m2"))
        g_string_append_printf (out, "%d", d->past_months[m_index - rnd (d, 1, imin (m_index, 3))]);
      else if (KEY ("dd"))
        g_string_append_printf (out, "%d", rnd (d, 1, 28));
      else if (KEY ("mon"))
        g_string_append_printf (out, "%d", f && f->mon ? f->mon : day_month (d, rnd (d, 20, 80)));
      else
        g_assert_not_reached ();
#undef KEY
      p = close + 1;
    }
  return g_string_free (out, FALSE);
}

static const char *
unit_biz (DemoUnit *u,
          guint     biz)
{
  return u->def->biz[biz % u->n_biz];
}

/* The finding's template, packed for the title of the problem it ends up in. */
static void
remember_finding (Demo  *d,
                  gint64 id,
                  int    category,
                  int    phenomenon,
                  int    biz)
{
  guint packed = ((guint) category << 16) | ((guint) phenomenon << 8) | (guint) biz;

  g_hash_table_insert (d->findings, GSIZE_TO_POINTER ((gsize) id), GUINT_TO_POINTER (packed + 1));
}

static int
pick_phenomenon (Demo *d,
                 int   category)
{
  int n = 0;

  while (n < N_PHENOMENA && phenomena[category][n].text != NULL)
    n++;
  return rnd (d, 0, n - 1);
}

/* Stores an id the store may not have written back into the record. */
static gint64
record_id (Demo     *d,
           gpointer  record)
{
  gint64 id = zc_record_get_id (ZC_RECORD (record));

  if (id == 0 && zc_record_get_uuid (ZC_RECORD (record)) != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?",
                                              zc_record_get_table (ZC_RECORD (record)));

      id = zc_store_query_int (d->store, 0, sql, "s", zc_record_get_uuid (ZC_RECORD (record)));
    }
  return id;
}

/* Scratch files for the importers and the evidence: no need to sync them to the disk. */
static gboolean
write_file (const char  *path,
            const void  *contents,
            gssize       length,
            GError     **error)
{
  return g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, error);
}

static void
report_progress (Demo   *d,
                 double  fraction)
{
  if (d->progress)
    d->progress (CLAMP (fraction, 0.0, 1.0), d->progress_data);
}

static void
push_event (Demo      *d,
            int        day,
            EventKind  kind,
            guint      index,
            guint      flags,
            guint      value)
{
  Event ev = { day, d->seq++, kind, flags, value, index };

  g_assert (day <= 0);
  g_array_append_val (d->events, ev);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *ea = a, *eb = b;

  if (ea->day != eb->day)
    return ea->day < eb->day ? -1 : 1;
  return ea->seq < eb->seq ? -1 : (ea->seq > eb->seq);
}

/* Prefixes @error with what the demo was doing, so a refusal names the step. */
static gboolean
fail (GError     **error,
      const char  *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError     **error,
      const char  *format,
      ...)
{
  va_list args;
  g_autofree char *what = NULL;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (error && *error)
    g_prefix_error (error, "Demo: %s: ", what);
  else
    g_set_error (error, ZC_ERROR, ZC_ERROR_INVALID, "Demo: %s failed", what);
  return FALSE;
}

/* ---- a tiny PNG for the evidence, written with GLib alone -------------------------- */

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         len)
{
  static guint32 table[256];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&initialized, 1);
    }
  crc ^= 0xffffffffu;
  for (gsize i = 0; i < len; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffffu;
}

static void
append_be32 (GByteArray *out,
             guint32     value)
{
  guint8 b[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, b, 4);
}

static void
append_chunk (GByteArray   *out,
              const char   *type,
              const guint8 *data,
              gsize         len)
{
  guint32 crc;

  append_be32 (out, len);
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (len > 0)
    g_byte_array_append (out, data, len);
  crc = crc32_update (0, (const guint8 *) type, 4);
  crc = crc32_update (crc, data, len);
  append_be32 (out, crc);
}

/* A 24×24 RGB picture (a green tick on white) as PNG, with a stored (uncompressed) zlib
 * stream. */
static GByteArray *
tiny_png (void)
{
  enum { W = 24, H = 24, ROW = 1 + 3 * W };
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  guint8 ihdr[13] = { 0, 0, 0, W, 0, 0, 0, H, 8, 2, 0, 0, 0 };
  guint8 raw[ROW * H];
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  GByteArray *out = g_byte_array_new ();
  guint32 a = 1, b = 0;
  guint8 header[2] = { 0x78, 0x01 };
  guint8 block[5] = { 1, ROW * H & 0xff, (ROW * H) >> 8, ~(ROW * H) & 0xff, (~(ROW * H) >> 8) & 0xff };

  for (int y = 0; y < H; y++)
    {
      raw[y * ROW] = 0;
      for (int x = 0; x < W; x++)
        {
          guint8 *px = raw + y * ROW + 1 + 3 * x;
          /* the tick: a short stroke down to (9,17), a long one up to (20,6) */
          gboolean on = (x >= 4 && x <= 9 && ABS ((y - 12) - (x - 4)) <= 1)
                        || (x >= 9 && x <= 20 && ABS ((17 - y) - (x - 9)) <= 1);
          gboolean border = x == 0 || y == 0 || x == W - 1 || y == H - 1;

          px[0] = on ? 0x2e : border ? 0xc0 : 0xff;
          px[1] = on ? 0xa0 : border ? 0xc0 : 0xff;
          px[2] = on ? 0x43 : border ? 0xc0 : 0xff;
        }
    }
  for (gsize i = 0; i < sizeof raw; i++)
    {
      a = (a + raw[i]) % 65521;
      b = (b + a) % 65521;
    }
  g_byte_array_append (idat, header, 2);
  g_byte_array_append (idat, block, 5);
  g_byte_array_append (idat, raw, sizeof raw);
  append_be32 (idat, (b << 16) | a);

  g_byte_array_append (out, signature, 8);
  append_chunk (out, "IHDR", ihdr, sizeof ihdr);
  append_chunk (out, "IDAT", idat->data, idat->len);
  append_chunk (out, "IEND", NULL, 0);
  return out;
}

/* ======================================================================================
 * The organisation
 * ====================================================================================== */

static char *
random_name (Demo *d)
{
  /* Common surnames are common: half the people share the first twenty. */
  const char *surname = chance (d, 0.5) ? surnames[rnd (d, 0, 19)] : PICK (d, surnames);

  if (chance (d, 0.3))
    return g_strconcat (surname, PICK (d, given_chars), NULL);
  return g_strconcat (surname, PICK (d, given_chars), PICK (d, given_chars), NULL);
}

static const char *
random_post (Demo       *d,
             const Post *posts,
             gboolean   *focus)
{
  int weights[16];
  guint n = 0;
  int i;

  while (posts[n].post != NULL)
    {
      weights[n] = posts[n].weight;
      n++;
    }
  i = pick_weighted (d, weights, n);
  *focus = posts[i].focus;
  return posts[i].post;
}

static DemoUnit *
add_unit (Demo          *d,
          const UnitDef *def,
          const District *district)
{
  DemoUnit *u = g_new0 (DemoUnit, 1);

  u->def = def;
  if (district == NULL)
    {
      u->code = g_strdup (def->code);
      u->name = g_strdup (def->name);
      u->prefix = g_strdup (def->profile == P_LEADERS ? "JL" : def->code);
      u->parent_code = def->profile == P_LEADERS ? NULL : bureau_units[0].code;
    }
  else if (*def->code == '\0')
    {
      u->code = g_strdup (district->code);
      u->name = g_strconcat (district->name, def->name, NULL);
      u->prefix = g_strdup (district->code);
      u->parent_code = bureau_units[0].code;
    }
  else
    {
      u->code = g_strdup_printf ("%s-%s", district->code, def->code);
      u->name = g_strconcat (district->name, def->name, NULL);
      u->prefix = g_strconcat (district->code, def->code, NULL);
      u->parent_code = district->code;
    }
  u->leader = -1;
  while (u->n_biz < (int) G_N_ELEMENTS (def->biz) && def->biz[u->n_biz] != NULL)
    u->n_biz++;
  u->items = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (d->units, u);
  return u;
}

static void
demo_unit_free (DemoUnit *u)
{
  g_free (u->code);
  g_free (u->name);
  g_free (u->prefix);
  g_clear_object (&u->obj);
  g_array_unref (u->items);
  g_free (u);
}

static void
add_people (Demo     *d,
            DemoUnit *u,
            guint     unit_index,
            guint     n,
            const char * const *in_charge,
            const District *district)
{
  u->first = d->people->len;
  u->n = n;
  for (guint i = 0; i < n; i++)
    {
      DemoPerson p = { 0 };

      p.code = g_strdup_printf (n >= 1000 ? "%s%04u" : "%s%03u", u->prefix, i + 1);
      p.name = random_name (d);
      p.unit = unit_index;
      p.roles = ZC_ROLE_EMPLOYEE;
      if (i == 0)
        {
          p.post = u->def->lead_post;
          p.roles = ZC_ROLE_LEAD;
        }
      else
        p.post = random_post (d, profile_posts[u->def->profile], &p.focus_post);

      if (u->def->profile == P_LEADERS && in_charge && in_charge[i] != NULL)
        {
          /* the head (局长) leads the bureau unit; the others are leaders only */
          p.roles = (i == 0 ? ZC_ROLE_LEAD : 0) | ZC_ROLE_LEADER;
          if (i > 0)
            p.post = "副局长";
          if (district == NULL)
            p.in_charge = g_strdup (in_charge[i]);
          else
            {
              g_auto(GStrv) parts = g_strsplit (in_charge[i], ";", -1);
              GString *codes = g_string_new (NULL);

              for (guint k = 0; parts[k]; k++)
                g_string_append_printf (codes, "%s%s-%s", k ? ";" : "", district->code, parts[k]);
              p.in_charge = g_string_free (codes, FALSE);
            }
        }
      else if (u->def->profile == P_LEADERS && i > 0)
        p.post = "四级调研员";
      if (u->def->profile == P_INSPECT)
        p.roles = (i == 0 ? ZC_ROLE_LEAD : 0) | ZC_ROLE_INSPECTOR;
      if (p.roles & ZC_ROLE_INSPECTOR)
        {
          guint index = d->people->len;

          g_array_append_val (d->inspectors, index);
        }
      g_array_append_val (d->people, p);
    }
}

static DemoUnit *
find_unit (Demo       *d,
           const char *code,
           guint      *index)
{
  for (guint i = 0; i < d->units->len; i++)
    if (g_str_equal (UNIT (d, i)->code, code))
      {
        if (index)
          *index = i;
        return UNIT (d, i);
      }
  return NULL;
}

static int
find_person (Demo       *d,
             const char *code)
{
  for (guint i = 0; i < d->people->len; i++)
    if (g_str_equal (PERSON (d, i)->code, code))
      return i;
  return -1;
}

static void
build_organisation (Demo *d)
{
  int fixed = 0, weights = 0;
  double factor = 1.0;
  guint n_districts = d->city ? G_N_ELEMENTS (districts) : 0;

  if (d->city)
    {
      for (guint i = 0; i < G_N_ELEMENTS (bureau_units); i++)
        {
          if (bureau_units[i].size < 0)
            fixed += bureau_units[i].profile == P_INSPECT ? 6 : -bureau_units[i].size;
          else
            weights += bureau_units[i].size;
        }
      for (guint i = 0; i < G_N_ELEMENTS (district_units); i++)
        {
          if (district_units[i].size < 0)
            fixed += n_districts * -district_units[i].size;
          else
            weights += n_districts * district_units[i].size;
        }
      factor = (double) (CITY_PEOPLE - fixed) / weights;
    }

  for (guint i = 0; i < G_N_ELEMENTS (bureau_units); i++)
    {
      const UnitDef *def = &bureau_units[i];
      DemoUnit *u = add_unit (d, def, NULL);
      int n = def->size < 0 ? -def->size : (int) (def->size * factor + 0.5);

      if (d->city && def->profile == P_INSPECT)
        n = 6;
      add_people (d, u, d->units->len - 1, n, bureau_in_charge, NULL);
    }
  for (guint k = 0; k < n_districts; k++)
    for (guint i = 0; i < G_N_ELEMENTS (district_units); i++)
      {
        const UnitDef *def = &district_units[i];
        DemoUnit *u = add_unit (d, def, &districts[k]);
        int n = def->size < 0 ? -def->size : (int) (def->size * factor + 0.5);

        add_people (d, u, d->units->len - 1, n, district_in_charge, &districts[k]);
      }

  /* The leaders in charge, as the people CSV will tell the store. */
  for (guint i = 0; i < d->people->len; i++)
    {
      DemoPerson *p = PERSON (d, i);
      g_auto(GStrv) codes = NULL;

      if (p->in_charge == NULL)
        continue;
      codes = g_strsplit (p->in_charge, ";", -1);
      for (guint k = 0; codes[k]; k++)
        {
          DemoUnit *u = find_unit (d, codes[k], NULL);

          g_assert (u != NULL);
          u->leader = i;
        }
    }
}

/* ---- import through the CSV importers ------------------------------------------------ */

static gboolean
import_organisation (Demo    *d,
                     GError **error)
{
  g_autoptr(GString) units = g_string_new ("code,name,parent_code,kind,focus\n");
  g_autoptr(GString) people = g_string_new ("staff_code,name,unit_code,post,roles,focus_post,in_charge\n");
  g_autofree char *units_path = g_build_filename (d->tmpdir, "units.csv", NULL);
  g_autofree char *people_path = g_build_filename (d->tmpdir, "people.csv", NULL);
  g_autoptr(ZcImportReport) report = NULL;
  g_autoptr(ZcImportReport) report2 = NULL;

  for (guint i = 0; i < d->units->len; i++)
    {
      DemoUnit *u = UNIT (d, i);

      g_string_append_printf (units, "%s,%s,%s,%s,%d\n", u->code, u->name,
                              u->parent_code ? u->parent_code : "", u->def->kind, u->def->focus);
    }
  for (guint i = 0; i < d->people->len; i++)
    {
      DemoPerson *p = PERSON (d, i);
      g_autofree char *roles = zc_roles_to_string (p->roles);

      g_string_append_printf (people, "%s,%s,%s,%s,%s,%d,%s\n", p->code, p->name,
                              UNIT (d, p->unit)->code, p->post, roles, p->focus_post,
                              p->in_charge ? p->in_charge : "");
    }
  if (!write_file (units_path, units->str, units->len, error)
      || !write_file (people_path, people->str, people->len, error))
    return fail (error, "writing the roster");

  if (!zc_store_import_units_csv (d->store, NULL, units_path, &report, error))
    return fail (error, "importing the units");
  if (!zc_store_import_people_csv (d->store, NULL, people_path, &report2, error))
    return fail (error, "importing the people");
  g_unlink (units_path);
  g_unlink (people_path);
  return TRUE;
}

static gboolean
load_organisation (Demo    *d,
                   GError **error)
{
  g_autoptr(GListModel) units = zc_store_list_units (d->store);
  g_autoptr(GListModel) people = zc_store_list_people (d->store, 0, NULL, 0);
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  for (guint i = 0; i < d->units->len; i++)
    g_hash_table_insert (by_code, UNIT (d, i)->code, UNIT (d, i));
  n = g_list_model_get_n_items (units);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcUnit) unit = g_list_model_get_item (units, i);
      DemoUnit *u = g_hash_table_lookup (by_code, zc_unit_get_code (unit));

      if (u != NULL)
        g_set_object (&u->obj, unit);
    }
  g_hash_table_remove_all (by_code);
  for (guint i = 0; i < d->people->len; i++)
    g_hash_table_insert (by_code, PERSON (d, i)->code, PERSON (d, i));
  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcPerson) person = g_list_model_get_item (people, i);
      DemoPerson *p = g_hash_table_lookup (by_code, zc_person_get_staff_code (person));

      if (p != NULL)
        g_set_object (&p->obj, person);
    }

  for (guint i = 0; i < d->units->len; i++)
    if (UNIT (d, i)->obj == NULL)
      return fail (error, "unit %s was not imported", UNIT (d, i)->code);
  for (guint i = 0; i < d->people->len; i++)
    if (PERSON (d, i)->obj == NULL)
      return fail (error, "person %s was not imported", PERSON (d, i)->code);
  return TRUE;
}

static gint64
unit_id (Demo  *d,
         guint  unit)
{
  return zc_record_get_id (ZC_RECORD (UNIT (d, unit)->obj));
}

static gint64
person_id (Demo  *d,
           guint  person)
{
  return zc_record_get_id (ZC_RECORD (PERSON (d, person)->obj));
}

static ZcPerson *
actor (Demo  *d,
       guint  person)
{
  return PERSON (d, person)->obj;
}

static guint
inspector (Demo *d)
{
  return g_array_index (d->inspectors, guint, rnd (d, 0, d->inspectors->len - 1));
}

/* ---- the configurable lists ---------------------------------------------------------- */

/* Finds the seeded default by its Chinese label, or by its position in the defaults. */
static gboolean
resolve_entries (Demo                *d,
                 ZcListKind           kind,
                 const char * const  *labels,
                 guint                n,
                 gint64              *ids,
                 GError             **error)
{
  g_autoptr(GListModel) entries = zc_store_list_entries (d->store, kind);
  guint n_entries = g_list_model_get_n_items (entries);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcListEntry) entry = zc_store_find_entry (d->store, kind, labels[i]);

      if (entry == NULL && i < n_entries)
        entry = g_list_model_get_item (entries, i);
      if (entry == NULL)
        return fail (error, "the campaign has no list entry “%s”", labels[i]);
      ids[i] = zc_record_get_id (ZC_RECORD (entry));
    }
  return TRUE;
}

/* ======================================================================================
 * Finding problems: forms, suggestions, public feedback
 * ====================================================================================== */

static const int member_fates[N_FORM_FATES] = { 8, 6, 8, 4, 3, 6, 65 };
/* A lead reviews others only with an own form submitted or approved (亲自查、查自己). */
static const int lead_fates[N_FORM_FATES] = { 0, 0, 8, 0, 0, 0, 92 };

/* The people the documentation of zc-demo.h promises, with their fixed paths. */
static const char * const demo_accounts[] = {
  ZC_DEMO_INSPECTOR, "JL001", ZC_DEMO_LEADER, ZC_DEMO_LEAD, ZC_DEMO_EMPLOYEE,
};

static gboolean
is_demo_account (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_accounts); i++)
    if (g_str_equal (code, demo_accounts[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_lead (Demo  *d,
         guint  person)
{
  return UNIT (d, PERSON (d, person)->unit)->first == person;
}

/* Who approves or returns the form of @person (DOMAIN.md): the unit's lead for members;
 * for a lead, the leader in charge of the unit or, where none is set, an inspector. */
static guint
reviewer_of (Demo  *d,
             guint  person)
{
  DemoUnit *u = UNIT (d, PERSON (d, person)->unit);

  if (!is_lead (d, person))
    return u->first;
  if (u->leader >= 0 && (guint) u->leader != person)
    return u->leader;
  for (guint i = 0; i < d->inspectors->len; i++)
    if (g_array_index (d->inspectors, guint, i) != person)
      return g_array_index (d->inspectors, guint, i);
  g_assert_not_reached ();
}

static void
plan_inspection (Demo *d)
{
  guint n_suggestions, n_feedback;
  int unit_weights[256];
  g_autofree int *written = g_new0 (int, d->people->len);

  /* Who writes when: leads (and leaders and inspectors) first, then their people. */
  for (guint i = 0; i < d->people->len; i++)
    {
      DemoPerson *p = PERSON (d, i);
      gboolean first = is_lead (d, i) || (p->roles & (ZC_ROLE_LEADER | ZC_ROLE_INSPECTOR));

      p->fate = pick_weighted (d, first ? lead_fates : member_fates, N_FORM_FATES);
      if (is_demo_account (p->code))
        p->fate = FORM_APPROVED;
      written[i] = DAY_INSPECTION + (first ? rnd (d, 0, 3) : rnd (d, 4, 18));
    }

  for (guint i = 0; i < d->people->len; i++)
    {
      DemoPerson *p = PERSON (d, i);
      int review, resubmit;

      if (p->fate == FORM_NOT_STARTED)
        continue;
      push_event (d, written[i], EV_WRITE, i, 0, 0);
      if (p->fate == FORM_DRAFT || p->fate == FORM_SUBMITTED)
        continue;
      /* after the reviewer's own form */
      review = imax (written[i], written[reviewer_of (d, i)]) + rnd (d, 1, 6);
      push_event (d, review, EV_REVIEW, i, 0, 0);
      if (p->fate == FORM_APPROVED || p->fate == FORM_RETURNED)
        continue;
      resubmit = review + rnd (d, 2, 5);
      push_event (d, resubmit, EV_RESUBMIT, i, 0, 0);
      if (p->fate == FORM_REAPPROVED)
        push_event (d, resubmit + rnd (d, 1, 4), EV_REVIEW, i, FLAG_SECOND, 0);
    }

  /* Everyone helps others find problems (帮助他人找). */
  n_suggestions = d->people->len / 5;
  for (guint i = 0; i < n_suggestions; i++)
    push_event (d, DAY_INSPECTION + rnd (d, 5, 25), EV_SUGGEST, rnd (d, 0, d->people->len - 1), 0, 0);

  /* The public's voice (发动群众), mostly about the focus units. */
  g_assert (d->units->len <= G_N_ELEMENTS (unit_weights));
  for (guint i = 0; i < d->units->len; i++)
    unit_weights[i] = UNIT (d, i)->def->focus ? 4 : (UNIT (d, i)->def->profile == P_INSPECT ? 0 : 1);
  n_feedback = d->city ? 1500 : 30;
  for (guint i = 0; i < n_feedback; i++)
    push_event (d, DAY_INSPECTION + rnd (d, 1, 30), EV_FEEDBACK,
                pick_weighted (d, unit_weights, d->units->len), 0, 0);
}

static gboolean
write_finding (Demo     *d,
               guint     person,
               gint64    form_id,
               int       position,
               gboolean  complete,
               GError  **error)
{
  DemoPerson *p = PERSON (d, person);
  DemoUnit *u = UNIT (d, p->unit);
  int category = pick_weighted (d, profile_categories[u->def->profile], N_CATEGORIES);
  int phen = pick_phenomenon (d, category);
  int biz = rnd (d, 0, u->n_biz - 1);
  Fill f = { unit_biz (u, biz), u->name, p->name, NULL, 0 };
  const char *tmpl = phenomena[category][phen].text;
  const char *subject;
  g_autofree char *core = fill (d, tmpl, &f);
  g_autofree char *text = NULL;
  g_autoptr(ZcFinding) finding = zc_finding_new ();
  gint64 id;

  if (g_str_has_prefix (tmpl, "{biz}"))
    subject = is_lead (d, person) && chance (d, 0.5) ? "作为主要负责人，本人分管的" : PICK (d, owners);
  else if (g_str_has_prefix (tmpl, "处室") || g_str_has_prefix (tmpl, "老同志")
           || g_str_has_prefix (tmpl, "个别"))
    subject = "";
  else
    subject = is_lead (d, person) && chance (d, 0.5) ? "作为主要负责人，本人" : PICK (d, subjects);
  text = g_strconcat (subject, core, PICK (d, endings), NULL);

  zc_finding_set_form_id (finding, form_id);
  zc_finding_set_unit_id (finding, unit_id (d, p->unit));
  zc_finding_set_category_id (finding, d->categories[category]);
  if (u->def->area >= 0 && chance (d, 0.85))
    zc_finding_set_focus_area_id (finding, d->areas[u->def->area]);
  zc_finding_set_phenomenon (finding, text);
  zc_finding_set_position (finding, position);
  if (complete || chance (d, 0.5))
    {
      g_autofree char *example = fill (d, examples[category][rnd (d, 0, N_EXAMPLES - 1)], &f);

      zc_finding_set_example (finding, example);
    }
  if (complete)
    {
      int benchmark = rnd (d, 0, N_BENCHMARKS - 1);
      const Measure *m = &measures[category][rnd (d, 0, N_MEASURES - 1)];
      g_autofree char *gap = fill (d, gaps[benchmark], &f);
      g_autofree char *measure = fill (d, m->text, &f);

      zc_finding_set_benchmark_id (finding, d->benchmarks[benchmark]);
      zc_finding_set_gap (finding, gap);
      zc_finding_set_measure (finding, measure);
      zc_finding_set_term_type (finding, m->term);
    }
  if (!zc_store_save_finding (d->store, p->obj, finding, error))
    return fail (error, "%s writes a finding", p->code);
  id = record_id (d, finding);
  remember_finding (d, id, category, phen, biz);

  if (complete)
    {
      int n_causes = d->city ? rnd (d, 1, 2) : rnd (d, 1, 3);

      for (int i = 0; i < n_causes; i++)
        {
          g_autoptr(ZcCause) cause = zc_cause_new ();
          int dim = i == 0 ? category_dimension[category] : rnd (d, 0, N_DIMENSIONS - 1);
          g_autofree char *text2 = fill (d, causes[dim][rnd (d, 0, 1)], &f);

          zc_cause_set_finding_id (cause, id);
          zc_cause_set_dimension_id (cause, d->dimensions[dim]);
          zc_cause_set_text (cause, text2);
          zc_cause_set_position (cause, i);
          if (i == 0 && chance (d, 0.2))
            zc_cause_set_why_chain (cause, PICK (d, why_chains));
          if (!zc_store_save_cause (d->store, p->obj, cause, error))
            return fail (error, "%s writes a cause", p->code);
        }
    }
  return TRUE;
}

static gboolean
submit_form (Demo    *d,
             guint    person,
             GError **error)
{
  DemoPerson *p = PERSON (d, person);

  if (!zc_store_submit_form (d->store, p->obj, p->form, error))
    return fail (error, "%s submits the form", p->code);
  return TRUE;
}

static gboolean
do_write (Demo    *d,
          guint    person,
          GError **error)
{
  static const int bureau_counts[] = { 10, 25, 35, 20, 10 };   /* 1–5 findings */
  static const int city_counts[] = { 0, 0, 10, 20, 25, 20, 15, 10 }; /* 3–8 findings */
  DemoPerson *p = PERSON (d, person);
  g_autoptr(ZcForm) form = zc_store_ensure_own_form (d->store, p->obj, error);
  int n;

  if (form == NULL)
    return fail (error, "%s opens the own form", p->code);
  p->form_id = record_id (d, form);
  g_set_object (&p->form, form);

  if (p->fate == FORM_DRAFT)
    n = rnd (d, 1, 2);
  else if (d->city)
    n = 1 + pick_weighted (d, city_counts, G_N_ELEMENTS (city_counts));
  else
    n = 1 + pick_weighted (d, bureau_counts, G_N_ELEMENTS (bureau_counts));

  for (int i = 0; i < n; i++)
    if (!write_finding (d, person, p->form_id, i, p->fate != FORM_DRAFT || (i == 0 && chance (d, 0.5)),
                        error))
      return FALSE;

  if (p->fate != FORM_DRAFT)
    return submit_form (d, person, error);
  return TRUE;
}

static gboolean
do_review (Demo    *d,
           guint    person,
           gboolean second,
           GError **error)
{
  DemoPerson *p = PERSON (d, person);
  guint reviewer = reviewer_of (d, person);
  gboolean give_back = !second && p->fate >= FORM_RETURNED && p->fate <= FORM_REAPPROVED;

  if (give_back && chance (d, 0.6))
    {
      g_autoptr(GListModel) findings = zc_store_list_form_findings (d->store, actor (d, reviewer),
                                                                    p->form_id, error);
      g_autoptr(ZcFinding) first = NULL;

      if (findings == NULL)
        return fail (error, "%s reads the form of %s", PERSON (d, reviewer)->code, p->code);
      first = g_list_model_get_item (findings, 0);
      if (first != NULL
          && !zc_store_comment_finding (d->store, actor (d, reviewer), first,
                                        PICK (d, finding_comments), error))
        return fail (error, "%s comments a finding of %s", PERSON (d, reviewer)->code, p->code);
    }

  if (give_back)
    {
      if (!zc_store_return_form (d->store, actor (d, reviewer), p->form, PICK (d, review_comments), error))
        return fail (error, "%s returns the form of %s", PERSON (d, reviewer)->code, p->code);
    }
  else if (!zc_store_approve_form (d->store, actor (d, reviewer), p->form, PICK (d, approve_comments),
                                   error))
    return fail (error, "%s approves the form of %s", PERSON (d, reviewer)->code, p->code);
  return TRUE;
}

/* The author answers the reviewer: a more concrete example and a deeper cause. */
static gboolean
do_resubmit (Demo    *d,
             guint    person,
             GError **error)
{
  DemoPerson *p = PERSON (d, person);
  DemoUnit *u = UNIT (d, p->unit);
  g_autoptr(GListModel) findings = zc_store_list_form_findings (d->store, p->obj, p->form_id, error);
  g_autoptr(ZcFinding) first = NULL;
  g_autoptr(ZcFinding) edited = NULL;
  g_autoptr(ZcCause) cause = zc_cause_new ();
  Fill f = { unit_biz (u, rnd (d, 0, u->n_biz - 1)), u->name, p->name, NULL, 0 };
  g_autofree char *more = NULL;
  g_autofree char *example = NULL;
  g_autofree char *cause_text = NULL;

  if (findings == NULL || (first = g_list_model_get_item (findings, 0)) == NULL)
    return fail (error, "%s reads the returned form", p->code);
  edited = ZC_FINDING (zc_record_copy (ZC_RECORD (first)));
  more = fill (d, examples[CAT_EFFICIENCY][1], &f);
  example = g_strconcat (zc_finding_get_example (first) ? zc_finding_get_example (first) : "",
                         "补充：", more, NULL);
  zc_finding_set_example (edited, example);
  if (!zc_store_save_finding (d->store, p->obj, edited, error))
    return fail (error, "%s corrects a finding", p->code);

  cause_text = fill (d, causes[1][rnd (d, 0, 1)], &f);
  zc_cause_set_finding_id (cause, zc_record_get_id (ZC_RECORD (first)));
  zc_cause_set_dimension_id (cause, d->dimensions[1]);
  zc_cause_set_text (cause, cause_text);
  zc_cause_set_position (cause, zc_finding_get_cause_count (first));
  if (!zc_store_save_cause (d->store, p->obj, cause, error))
    return fail (error, "%s adds a cause", p->code);
  return submit_form (d, person, error);
}

static gboolean
do_suggest (Demo    *d,
            guint    author,
            GError **error)
{
  DemoPerson *p = PERSON (d, author);
  DemoUnit *own = UNIT (d, p->unit);
  gboolean anonymous = chance (d, 0.4);
  gint64 target_person = 0, target_unit = 0;
  const Sentence *s;
  g_autofree char *text = NULL;
  g_autoptr(ZcFinding) finding = NULL;
  int biz;

  if (own->n > 1 && chance (d, 0.6))
    {
      guint target;

      do
        target = own->first + rnd (d, 0, own->n - 1);
      while (target == author);
      biz = rnd (d, 0, own->n_biz - 1);
      s = &PICK (d, suggestions_person);
      {
        Fill f = { unit_biz (own, biz), own->name, PERSON (d, target)->name, NULL, 0 };

        text = fill (d, s->text, &f);
      }
      target_person = person_id (d, target);
    }
  else
    {
      guint about = chance (d, 0.7) ? p->unit : (guint) rnd (d, 0, d->units->len - 1);
      DemoUnit *u = UNIT (d, about);

      biz = rnd (d, 0, u->n_biz - 1);
      s = &PICK (d, suggestions_unit);
      {
        Fill f = { unit_biz (u, biz), u->name, NULL, NULL, 0 };

        text = fill (d, s->text, &f);
      }
      target_unit = unit_id (d, about);
    }

  finding = zc_store_suggest (d->store, p->obj, target_person, target_unit,
                              d->categories[s->category], text, anonymous, error);
  if (finding == NULL)
    return fail (error, "%s suggests a problem", p->code);
  remember_finding (d, record_id (d, finding), s->category, pick_phenomenon (d, s->category), biz);
  return TRUE;
}

static gboolean
do_feedback (Demo    *d,
             guint    unit,
             GError **error)
{
  static const int channel_weights[] = { 4, 3, 2, 1, 2 };
  DemoUnit *u = UNIT (d, unit);
  int channel = pick_weighted (d, channel_weights, G_N_ELEMENTS (channel_weights));
  const Sentence *s = &feedback_texts[channel][rnd (d, 0, 1)];
  int biz = rnd (d, 0, u->n_biz - 1);
  Fill f = { unit_biz (u, biz), u->name, NULL, NULL, 0 };
  g_autofree char *text = fill (d, s->text, &f);
  g_autofree char *received = day_date (d, imax (d->day - rnd (d, 0, 7), DAY_INSPECTION));
  guint who = chance (d, 0.7) ? inspector (d) : u->first;
  g_autoptr(ZcFinding) finding = NULL;

  finding = zc_store_add_feedback (d->store, actor (d, who), unit_id (d, unit), channel,
                                   d->categories[s->category], text, received, error);
  if (finding == NULL)
    return fail (error, "%s enters public feedback about %s", PERSON (d, who)->code, u->code);
  remember_finding (d, record_id (d, finding), s->category, pick_phenomenon (d, s->category), biz);
  return TRUE;
}

/* ======================================================================================
 * Aggregation: each lead merges the unit's findings into its problem list
 * ====================================================================================== */

static const char * const numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

/* Merges @ids into a new problem of @unit, titled after the first finding's kind; a
 * problem already on the list with that title takes them in (at city scale, a big unit
 * lists the same problem in numbered parts instead). @titles maps a title to the number
 * of problems bearing it and @first to the first of them (index + 1). */
static gboolean
merge_chunk (Demo         *d,
             guint         unit,
             GHashTable   *titles,
             GHashTable   *first,
             GHashTable   *texts,
             const gint64 *ids,
             guint         n,
             gboolean     *phase_moved,
             GError      **error)
{
  DemoUnit *u = UNIT (d, unit);
  guint packed = GPOINTER_TO_UINT (g_hash_table_lookup (d->findings, GSIZE_TO_POINTER ((gsize) ids[0])));
  DemoProblem problem = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autoptr(ZcProblem) merged = NULL;
  ZcSeverity severity = ZC_SEVERITY_GENERAL;
  Fill f = { NULL, u->name, NULL, NULL, 0 };
  guint seen;
  g_autoptr(GError) local_error = NULL;

  if (packed == 0)
    packed = 1;   /* not written by the demo: the first template of 思想观念 */
  packed--;
  problem.unit = unit;
  problem.category = packed >> 16;
  problem.phenomenon = (packed >> 8) & 0xff;
  problem.biz = packed & 0xff;
  f.biz = unit_biz (u, problem.biz);
  title = fill (d, phenomena[problem.category][problem.phenomenon].title, &f);

  seen = GPOINTER_TO_UINT (g_hash_table_lookup (titles, title));
  if (seen > 0 && !d->city)
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (first, title)) - 1;
      g_autoptr(ZcProblem) existing = zc_store_load (d->store, ZC_TYPE_PROBLEM, PROBLEM (d, index)->id, error);

      if (existing == NULL
          || !zc_store_add_to_problem (d->store, actor (d, u->first), existing, ids, n, error))
        return fail (error, "%s adds findings to “%s”", PERSON (d, u->first)->code, title);
      return TRUE;
    }
  g_hash_table_replace (titles, g_strdup (title), GUINT_TO_POINTER (seen + 1));
  if (seen == 0)
    g_hash_table_replace (first, g_strdup (title), GUINT_TO_POINTER (d->problems->len + 1));
  else
    {
      char *numbered = g_strdup_printf ("%s（之%s）", title,
                                        seen < G_N_ELEMENTS (numerals) ? numerals[seen] : "十余");

      g_free (title);
      title = numbered;
    }

  description = g_strdup_printf ("%u条意见反映：%s", n,
                                 (const char *) g_hash_table_lookup (texts, GSIZE_TO_POINTER ((gsize) ids[0])));
  if (problem.category == CAT_INTEGRITY)
    severity = n >= 3 ? ZC_SEVERITY_CRITICAL : ZC_SEVERITY_SERIOUS;
  else if ((problem.category == CAT_SERVICE && u->def->focus && n >= 3) || chance (d, 0.08))
    severity = ZC_SEVERITY_SERIOUS;

  merged = zc_store_merge_findings (d->store, actor (d, u->first), unit_id (d, unit), title, description,
                                    d->categories[problem.category], severity, ids, n, &local_error);
  /* Should the problem list belong to the rectification phase, start it now. */
  if (merged == NULL && !*phase_moved && g_error_matches (local_error, ZC_ERROR, ZC_ERROR_STATE))
    {
      g_debug ("demo: merging refused in the inspection phase (%s); starting rectification",
               local_error->message);
      g_clear_error (&local_error);
      *phase_moved = TRUE;
      if (!zc_store_set_phase (d->store, actor (d, g_array_index (d->inspectors, guint, 0)),
                               ZC_PHASE_RECTIFICATION, error))
        return fail (error, "starting the rectification phase");
      merged = zc_store_merge_findings (d->store, actor (d, u->first), unit_id (d, unit), title,
                                        description, d->categories[problem.category], severity,
                                        ids, n, &local_error);
    }
  if (merged == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return fail (error, "%s merges findings into “%s”", PERSON (d, u->first)->code, title);
    }
  problem.id = record_id (d, merged);
  problem.title = g_steal_pointer (&title);
  g_array_append_val (d->problems, problem);
  return TRUE;
}

static gboolean
aggregate_unit (Demo     *d,
                guint     unit,
                gboolean *phase_moved,
                GError  **error)
{
  DemoUnit *u = UNIT (d, unit);
  ZcPerson *lead = actor (d, u->first);
  g_autoptr(GListModel) list = zc_store_list_unit_findings (d->store, lead, unit_id (d, unit), error);
  g_autoptr(GPtrArray) clusters = NULL;
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) texts = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) by_kind = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) groups = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) chunk = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) cluster_error = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  if (list == NULL)
    return fail (error, "%s lists the unit's findings", PERSON (d, u->first)->code);
  n = g_list_model_get_n_items (list);
  if (n == 0)
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      ZcFinding *finding = g_list_model_get_item (list, i);

      g_ptr_array_add (objects, finding);
      g_hash_table_insert (texts, GSIZE_TO_POINTER ((gsize) zc_record_get_id (ZC_RECORD (finding))),
                           (gpointer) zc_finding_get_phenomenon (finding));
    }

  /* Near-duplicates first, as the window suggests them; a big cluster is split in parts. */
  clusters = zc_store_cluster_unit_findings (d->store, lead, unit_id (d, unit), &cluster_error);
  if (clusters == NULL)
    g_debug ("demo: no clusters for %s (%s); grouping by category", u->code,
             cluster_error ? cluster_error->message : "none");
  for (guint c = 0; clusters && c < clusters->len; c++)
    {
      GArray *cluster = g_ptr_array_index (clusters, c);
      guint cap = d->city ? (guint) rnd (d, 2, 5) : 10;

      g_array_set_size (chunk, 0);
      for (guint i = 0; i < cluster->len; i++)
        {
          gint64 id = g_array_index (cluster, gint64, i);

          if (g_hash_table_contains (used, GSIZE_TO_POINTER ((gsize) id))
              || !g_hash_table_contains (texts, GSIZE_TO_POINTER ((gsize) id)))
            continue;
          g_hash_table_add (used, GSIZE_TO_POINTER ((gsize) id));
          g_array_append_val (chunk, id);
          if (chunk->len == cap)
            {
              if (!merge_chunk (d, unit, titles, first, texts, (gint64 *) chunk->data, chunk->len,
                                phase_moved, error))
                return FALSE;
              g_array_set_size (chunk, 0);
              cap = d->city ? (guint) rnd (d, 2, 5) : 10;
            }
        }
      if (chunk->len > 0
          && !merge_chunk (d, unit, titles, first, texts, (gint64 *) chunk->data, chunk->len, phase_moved, error))
        return FALSE;
    }

  /* The rest by what they are about, a few at a time; some are left for later. Groups
   * keep the order in which the list shows them. */
  for (guint i = 0; i < n; i++)
    {
      ZcFinding *finding = g_ptr_array_index (objects, i);
      gint64 id = zc_record_get_id (ZC_RECORD (finding));
      guint packed = GPOINTER_TO_UINT (g_hash_table_lookup (d->findings, GSIZE_TO_POINTER ((gsize) id)));
      gpointer cat = g_hash_table_lookup (d->category_index,
                                          GSIZE_TO_POINTER ((gsize) zc_finding_get_category_id (finding)));
      guint kind = packed ? (packed - 1) >> 8 : (cat ? GPOINTER_TO_UINT (cat) - 1 : 0) << 8;
      /* a bureau's lead groups by category, a big unit's by the finer kind of problem */
      guint key = (d->city ? kind : kind >> 8) + 1;
      gpointer slot;

      if (g_hash_table_contains (used, GSIZE_TO_POINTER ((gsize) id)))
        continue;
      if (!g_hash_table_lookup_extended (groups, GUINT_TO_POINTER (key), NULL, &slot))
        {
          slot = GUINT_TO_POINTER (by_kind->len);
          g_hash_table_insert (groups, GUINT_TO_POINTER (key), slot);
          g_ptr_array_add (by_kind, g_array_new (FALSE, FALSE, sizeof (gint64)));
        }
      g_array_append_val ((GArray *) g_ptr_array_index (by_kind, GPOINTER_TO_UINT (slot)), id);
    }
  for (guint c = 0; c < by_kind->len; c++)
    {
      GArray *ids = g_ptr_array_index (by_kind, c);
      guint at = 0;

      while (at < ids->len)
        {
          guint take = (guint) imin (d->city ? rnd (d, 1, 4) : rnd (d, 3, 8), ids->len - at);

          if (!chance (d, 0.04)
              && !merge_chunk (d, unit, titles, first, texts, &g_array_index (ids, gint64, at), take,
                               phase_moved, error))
            return FALSE;
          at += take;
        }
    }
  return TRUE;
}

/* ======================================================================================
 * Rectification: items, progress, close-out, commitments, supervision
 * ====================================================================================== */

static int
expected_progress (int start,
                   int deadline)
{
  /* the elapsed share of the item's time today (day 0), as the light measures it */
  if (deadline <= start || start >= 0)
    return 0;
  return (int) (100.0 * -start / (deadline - start));
}

/* @count reports from @from to @to, rising to @final percent. */
static void
plan_reports (Demo  *d,
              guint  item,
              int    from,
              int    to,
              int    count,
              int    final,
              guint  last_flags)
{
  int previous = 0;

  to = MIN (to, -1);
  from = MIN (from, to);
  for (int i = 0; i < count; i++)
    {
      int day = count == 1 ? to : from + (to - from) * i / (count - 1);
      int percent = i == count - 1 ? final : round5 ((double) final * (i + 1) / count);
      guint flags = chance (d, 0.4) ? FLAG_BY_LEAD : 0;

      percent = MAX (percent, MAX (previous, 5));
      if (i == count - 1)
        flags |= last_flags;
      push_event (d, day, EV_PROGRESS, item, flags, percent);
      previous = percent;
    }
}

/* How many reports an item gets: a city's ledger is reported on more often. */
static int
n_reports (Demo *d,
           int   lo,
           int   hi)
{
  return rnd (d, lo, hi) + (d->city ? 1 : 0);
}

static guint
evidence_flag (Demo *d)
{
  /* Real files on a share of the finished reports; at city scale only a few. */
  if (d->n_evidence >= d->max_evidence || !chance (d, d->city ? 0.01 : 0.5))
    return 0;
  d->n_evidence++;
  return FLAG_EVIDENCE;
}

static void
plan_order (Demo         *d,
            guint         item,
            int           due,
            ZcOrderState  wanted)
{
  static const int needed[] = { 0, 3, 5, 7 };   /* days after issue to reach each state */
  DemoItem *it = ITEM (d, item);
  DemoOrder order = { 0, item, it->unit, wanted };
  int issue = imax (due + rnd (d, 1, 3), it->created + 2);
  guint index = d->orders->len;

  while (order.state > ZC_ORDER_STATE_ASSIGNED && issue + needed[order.state] > 0)
    order.state--;
  if (issue > -1)
    return;
  g_array_append_val (d->orders, order);
  push_event (d, issue, EV_ISSUE, index, 0, 0);
  if (order.state >= ZC_ORDER_STATE_REMINDED)
    push_event (d, issue + 3, EV_REMIND, index, 0, 0);
  if (order.state >= ZC_ORDER_STATE_ANSWERED)
    push_event (d, issue + 5, EV_ANSWER, index, 0, 0);
  if (order.state >= ZC_ORDER_STATE_CONCLUDED)
    push_event (d, issue + 7, EV_CONCLUDE, index, 0, 0);
}

static void
plan_closeout (Demo *d,
               guint item,
               int   request)
{
  int close = imin (request + rnd (d, 1, 4), -1);

  push_event (d, request, EV_REQUEST, item, 0, 0);
  push_event (d, close, EV_CLOSE, item, 0, 0);
  UNIT (d, ITEM (d, item)->unit)->closed++;
  if (chance (d, d->city ? 0.4 : 0.7))
    push_event (d, imin (close + rnd (d, 1, 10), 0), EV_EVALUATE, item, 0, 0);
}

static void
plan_item (Demo  *d,
           guint  item)
{
  DemoItem *it = ITEM (d, item);
  int c = it->created;
  int s = c;
  int dl = 0, f, p, q, j;
  gboolean red = FALSE;
  double order_chance = d->city ? 0.25 : 0.8;

  it->term = ZC_TERM_TYPE_DEADLINE;
  switch (it->fate)
    {
    case FATE_CLOSED:
      if (chance (d, 0.5))
        {
          it->term = ZC_TERM_TYPE_IMMEDIATE;
          dl = c + rnd (d, 7, 15);
          f = dl - rnd (d, 0, 3);
        }
      else
        {
          dl = rnd (d, -30, 60);
          f = imin (dl - rnd (d, 0, 5), -4 - rnd (d, 0, 10));
        }
      f = MAX (f, s + 4);
      plan_reports (d, item, s + 2, f, n_reports (d, 2, 3), 100, evidence_flag (d));
      plan_closeout (d, item, f);
      break;

    case FATE_CLOSED_LATE:
      dl = rnd (d, -40, -18);
      f = dl + rnd (d, 4, 8);
      plan_reports (d, item, s + 2, f, n_reports (d, 2, 3), 100, evidence_flag (d));
      q = imin (f + rnd (d, 1, 3), -3);
      push_event (d, f, EV_REQUEST, item, 0, 0);
      push_event (d, q, EV_CLOSE, item, 0, 0);
      UNIT (d, it->unit)->closed++;
      {
        /* the order that got it done: issued after the deadline, concluded after close-out */
        DemoOrder order = { 0, item, it->unit, ZC_ORDER_STATE_CONCLUDED };
        guint index = d->orders->len;

        g_array_append_val (d->orders, order);
        push_event (d, dl + 2, EV_ISSUE, index, 0, 0);
        push_event (d, f, EV_ANSWER, index, 0, 1);
        push_event (d, q + 1, EV_CONCLUDE, index, 0, 0);
      }
      break;

    case FATE_CLOSED_REJECTED:
      dl = rnd (d, -5, 50);
      q = rnd (d, -40, -26);
      plan_reports (d, item, s + 2, q, n_reports (d, 1, 2), 100, 0);
      push_event (d, q, EV_REQUEST, item, 0, 0);
      j = q + rnd (d, 2, 4);
      push_event (d, j, EV_REJECT, item, 0, 0);
      f = j + rnd (d, 2, 5);
      push_event (d, f, EV_PROGRESS, item, FLAG_AFTER_REJECT | evidence_flag (d), 100);
      plan_closeout (d, item, f);
      break;

    case FATE_AWAITING:
      dl = rnd (d, 10, 60);
      f = rnd (d, -15, -1);
      plan_reports (d, item, s + 2, f, n_reports (d, 2, 3), 100, evidence_flag (d));
      push_event (d, f, EV_REQUEST, item, 0, 0);
      break;

    case FATE_AWAITING_LATE:
      dl = rnd (d, -12, -3);
      f = dl - rnd (d, 1, 4);
      plan_reports (d, item, s + 2, f, n_reports (d, 1, 3), 100, 0);
      push_event (d, f, EV_REQUEST, item, 0, 0);
      red = TRUE;
      break;

    case FATE_REJECTED:
      dl = rnd (d, 15, 50);
      q = rnd (d, -30, -12);
      plan_reports (d, item, s + 2, q, n_reports (d, 1, 2), 100, 0);
      push_event (d, q, EV_REQUEST, item, 0, 0);
      j = q + rnd (d, 2, 5);
      push_event (d, j, EV_REJECT, item, 0, 0);
      push_event (d, j + rnd (d, 2, 4), EV_PROGRESS, item, FLAG_AFTER_REJECT, 100);
      break;

    case FATE_GREEN:
      dl = rnd (d, 20, 90);
      p = expected_progress (s, dl);
      p = round5 (imin (95, p + rnd (d, 0, 20)));
      plan_reports (d, item, s + 3, -rnd (d, 1, 10), n_reports (d, 1, 4), imax (p, 5), 0);
      break;

    case FATE_YELLOW_SOON:
      dl = rnd (d, 1, 7);
      plan_reports (d, item, s + 3, -rnd (d, 1, 10), n_reports (d, 1, 3), round5 (rnd (d, 60, 90)), 0);
      break;

    case FATE_YELLOW_BEHIND:
      dl = rnd (d, 25, 70);
      p = expected_progress (s, dl);
      p = round5 (imax (5, p - 25 - rnd (d, 0, 15)));
      plan_reports (d, item, s + 3, -rnd (d, 1, 10), n_reports (d, 1, 2), p, 0);
      break;

    case FATE_RED:
      if (chance (d, 0.3))
        {
          it->term = ZC_TERM_TYPE_IMMEDIATE;
          dl = c + rnd (d, 10, 20);
        }
      else
        dl = rnd (d, -30, -1);
      plan_reports (d, item, s + 3, -rnd (d, 1, 10), n_reports (d, 1, 3), round5 (rnd (d, 20, 80)), 0);
      red = TRUE;
      if (dl <= -3 && chance (d, order_chance))
        plan_order (d, item, dl, (ZcOrderState) (d->orders->len % 4));
      break;

    case FATE_ONGOING:
      {
        int first = c + 30 + rnd (d, 0, 20);
        int percent = rnd (d, 2, 4) * 10;

        it->term = ZC_TERM_TYPE_ONGOING;
        push_event (d, s + 5, EV_PROGRESS, item, 0, 20);
        for (int k = 0; k < 4; k++)
          {
            g_autofree char *date = day_date (d, first + 30 * k);
            char *joined = it->review_dates ? g_strconcat (it->review_dates, ",", date, NULL) : g_strdup (date);

            g_free (it->review_dates);
            it->review_dates = joined;
            if (first + 30 * k <= -1)
              push_event (d, first + 30 * k, EV_PROGRESS, item, 0, MIN (percent + 20 * k, 90));
          }
        dl = first + 90;
      }
      break;

    case FATE_ONGOING_LATE:
      {
        int first = c + 15 + rnd (d, 0, 5);
        g_autofree char *a = day_date (d, first);
        g_autofree char *b = day_date (d, first + 20);

        it->term = ZC_TERM_TYPE_ONGOING;
        it->review_dates = g_strconcat (a, ",", b, NULL);
        push_event (d, first, EV_PROGRESS, item, 0, 30);
        dl = first + 20;
        red = TRUE;
        if (chance (d, order_chance / 2))
          plan_order (d, item, dl, ZC_ORDER_STATE_REMINDED);
      }
      break;

    case FATE_PLANNED:
      s = rnd (d, 3, 20);
      dl = s + rnd (d, 30, 80);
      break;

    case FATE_PLANNED_BEHIND:
      dl = rnd (d, 10, 40);
      break;

    case FATE_PLANNED_RED:
      dl = rnd (d, -20, -3);
      red = TRUE;
      if (chance (d, order_chance))
        plan_order (d, item, dl, ZC_ORDER_STATE_ASSIGNED);
      break;

    case N_FATES:
    default:
      g_assert_not_reached ();
    }
  it->start = s;
  it->deadline = dl;
  if (red)
    UNIT (d, it->unit)->red++;
}

static gboolean
template_used (const char * const *used,
               guint               n_used,
               const char         *text)
{
  for (guint i = 0; i < n_used; i++)
    if (used[i] == text)
      return TRUE;
  return FALSE;
}

/* A measure for an item of @problem, of the item's term type and unlike the measures of
 * the problem's other items (@used: their templates, the new one is added). The ledger has
 * its own deadline column, so the text says "按期" where a finding's proposal names a
 * month. */
static char *
item_measure (Demo         *d,
              DemoProblem  *problem,
              ZcTermType    term,
              const char  **used,
              guint        *n_used)
{
  DemoUnit *u = UNIT (d, problem->unit);
  Fill f = { unit_biz (u, problem->biz), u->name, NULL, NULL, 0 };
  const char *candidates[N_MEASURES + 1];
  const char *chosen;
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  guint n = 0;

  for (guint i = 0; i < N_MEASURES; i++)
    if (measures[problem->category][i].term == term
        && !template_used (used, *n_used, measures[problem->category][i].text))
      candidates[n++] = measures[problem->category][i].text;
  if ((n == 0 || chance (d, 0.2)) && !template_used (used, *n_used, generic_measures[term]))
    candidates[n++] = generic_measures[term];
  for (guint i = 0; n == 0 && i < N_MEASURES; i++)
    if (!template_used (used, *n_used, measures[problem->category][i].text))
      candidates[n++] = measures[problem->category][i].text;
  chosen = n > 0 ? candidates[rnd (d, 0, n - 1)] : generic_measures[term];
  used[(*n_used)++] = chosen;

  parts = g_strsplit (chosen, "{mon}月底前", -1);
  text = g_strjoinv ("按期", parts);
  return fill (d, text, &f);
}

static void
plan_rectification (Demo *d)
{
  guint sj_unit = 0;
  int sj_employee = find_person (d, ZC_DEMO_EMPLOYEE);

  find_unit (d, "SJ", &sj_unit);

  /* Items: 1–3 measures a problem, created by the unit's lead in the first days. */
  for (guint i = 0; i < d->problems->len; i++)
    {
      DemoProblem *problem = PROBLEM (d, i);
      DemoUnit *u = UNIT (d, problem->unit);
      static const int bureau_counts[] = { 40, 45, 15 };
      static const int city_counts[] = { 72, 23, 5 };
      int n = 1 + pick_weighted (d, d->city ? city_counts : bureau_counts, 3);
      const char *used[3];
      guint n_used = 0;

      for (int k = 0; k < n; k++)
        {
          DemoItem it = { 0 };
          guint index = d->items->len;

          it.problem = i;
          it.unit = problem->unit;
          if (problem->unit == sj_unit && sj_employee >= 0 && chance (d, 0.35))
            it.person = sj_employee;
          else if (chance (d, 0.3) || u->n == 1)
            it.person = u->first;
          else
            it.person = u->first + rnd (d, 1, u->n - 1);
          it.created = DAY_RECTIFICATION + problem->unit % 4;
          it.fate = pick_weighted (d, fate_shares, N_FATES);
          g_array_append_val (d->items, it);
          g_array_append_val (u->items, index);
          plan_item (d, index);
          ITEM (d, index)->measure = item_measure (d, problem, ITEM (d, index)->term, used, &n_used);
        }
    }
  for (guint i = 0; i < d->units->len; i++)
    if (UNIT (d, i)->items->len > 0)
      push_event (d, DAY_RECTIFICATION + i % 4, EV_ITEMS, i, 0, 0);
}

static void
plan_unit_orders (Demo *d)
{
  /* A unit-wide order on the unit with the most red items (per district at city scale). */
  guint groups = d->city ? 1 + G_N_ELEMENTS (districts) : 1;

  for (guint g = 0; g < groups; g++)
    {
      guint from = g == 0 ? 0 : G_N_ELEMENTS (bureau_units) + (g - 1) * G_N_ELEMENTS (district_units);
      guint to = g == 0 ? G_N_ELEMENTS (bureau_units) : from + G_N_ELEMENTS (district_units);
      guint worst = from;
      DemoOrder order = { 0, G_MAXUINT, 0, ZC_ORDER_STATE_ANSWERED };
      guint index = d->orders->len;

      for (guint i = from; i < to; i++)
        if (UNIT (d, i)->red > UNIT (d, worst)->red)
          worst = i;
      if (UNIT (d, worst)->red == 0)
        continue;
      order.unit = worst;
      g_array_append_val (d->orders, order);
      push_event (d, -12, EV_ISSUE, index, 0, 0);
      push_event (d, -9, EV_REMIND, index, 0, 0);
      push_event (d, -6, EV_ANSWER, index, 0, 0);
    }
}

static void
plan_commitments (Demo *d)
{
  for (guint i = 0; i < d->units->len; i++)
    {
      DemoUnit *u = UNIT (d, i);
      int day = DAY_RECTIFICATION + 4 + rnd (d, 1, 6);
      double r = g_rand_double (d->rand);

      /* Most leads publish; a few are still drafting; one in ten has not started. */
      if (g_str_equal (u->code, "SJ"))
        {
          push_event (d, day, EV_COMMIT, i, FLAG_PUBLISH, 0);
          push_event (d, -rnd (d, 10, 20), EV_AMEND, i, FLAG_PUBLISH, 0);
        }
      else if (g_str_equal (u->code, "YL") || (d->city && r < 0.05))
        {
          push_event (d, day, EV_COMMIT, i, FLAG_PUBLISH, 0);
          push_event (d, -rnd (d, 3, 8), EV_AMEND, i, 0, 0);
        }
      else if (r < 0.08 && !g_str_equal (u->code, "JJ"))
        continue;
      else if (r < 0.18)
        push_event (d, day, EV_COMMIT, i, 0, 0);
      else
        push_event (d, day, EV_COMMIT, i, FLAG_PUBLISH, 0);
    }
}

static void
plan_reviews_and_merits (Demo *d)
{
  GDate date;
  g_autofree char *first = day_date (d, DAY_RECTIFICATION);
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (int));

  /* Monthly review (月度调度): at each month's end, and this month so far. A city takes
   * only the last one (each review measures the whole unit). */
  zc_date_parse (first, &date);
  for (;;)
    {
      g_autofree char *end = zc_date_month_end (g_date_get_year (&date), g_date_get_month (&date));
      int day = imin (zc_date_diff_days (d->today, end), 0);

      g_array_append_val (days, day);
      if (day == 0)
        break;
      g_date_add_months (&date, 1);
    }
  for (guint m = d->city ? days->len - 1 : 0; m < days->len; m++)
    for (guint i = 0; i < d->units->len; i++)
      push_event (d, g_array_index (days, int, m), EV_MONTHLY, i, 0, 0);
  push_event (d, -2, EV_MERITS, 0, 0, 0);
}

/* ---- the handlers ---------------------------------------------------------------------- */

static gboolean
do_items (Demo    *d,
          guint    unit,
          GError **error)
{
  DemoUnit *u = UNIT (d, unit);

  for (guint k = 0; k < u->items->len; k++)
    {
      DemoItem *it = ITEM (d, g_array_index (u->items, guint, k));
      g_autoptr(ZcItem) item = zc_item_new ();
      g_autofree char *start = day_date (d, it->start);
      g_autofree char *deadline = day_date (d, it->deadline);

      zc_item_set_problem_id (item, PROBLEM (d, it->problem)->id);
      zc_item_set_unit_id (item, unit_id (d, unit));
      zc_item_set_measure (item, it->measure);
      zc_item_set_term_type (item, it->term);
      if (it->term == ZC_TERM_TYPE_ONGOING)
        zc_item_set_review_dates (item, it->review_dates);
      else
        zc_item_set_deadline (item, deadline);
      zc_item_set_start_date (item, start);
      /* The leader in charge answers for it; the bureau's own items, its head. */
      if (u->leader >= 0)
        zc_item_set_leader_id (item, person_id (d, u->leader));
      else if (PERSON (d, u->first)->roles & ZC_ROLE_LEADER)
        zc_item_set_leader_id (item, person_id (d, u->first));
      zc_item_set_person_id (item, person_id (d, it->person));
      if (!zc_store_save_item (d->store, actor (d, u->first), item, error))
        return fail (error, "%s adds an item to the ledger", PERSON (d, u->first)->code);
      it->id = record_id (d, item);
      it->obj = g_object_ref (item);
    }
  return TRUE;
}

static gboolean
write_evidence (Demo      *d,
                guint      item,
                const char *progress_text,
                GPtrArray *paths,
                GError   **error)
{
  DemoItem *it = ITEM (d, item);
  g_autofree char *date = day_date (d, d->day);
  g_autofree char *text = g_strdup_printf ("整改情况说明\n\n"
                                           "责任单位：%s\n"
                                           "整改问题：%s\n"
                                           "整改措施：%s\n"
                                           "完成情况：%s\n"
                                           "责任人：%s\n"
                                           "日期：%s\n",
                                           UNIT (d, it->unit)->name, PROBLEM (d, it->problem)->title,
                                           it->measure, progress_text, PERSON (d, it->person)->name,
                                           date);
  char *path = g_build_filename (d->tmpdir, "整改情况说明.txt", NULL);

  g_ptr_array_add (paths, path);
  if (!write_file (path, text, -1, error))
    return FALSE;
  if (chance (d, 0.5))
    {
      g_autoptr(GByteArray) png = tiny_png ();

      path = g_build_filename (d->tmpdir, "现场照片.png", NULL);
      g_ptr_array_add (paths, path);
      if (!write_file (path, png->data, png->len, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
do_progress (Demo    *d,
             guint    item,
             guint    flags,
             int      percent,
             GError **error)
{
  DemoItem *it = ITEM (d, item);
  DemoUnit *u = UNIT (d, it->unit);
  guint reporter = (flags & FLAG_BY_LEAD) ? u->first : it->person;
  Fill f = { unit_biz (u, PROBLEM (d, it->problem)->biz), u->name, NULL, NULL, 0 };
  const char *tmpl;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ZcProgress) progress = NULL;

  if (flags & FLAG_AFTER_REJECT)
    tmpl = PICK (d, progress_after_reject);
  else if (it->term == ZC_TERM_TYPE_ONGOING)
    tmpl = PICK (d, progress_ongoing);
  else if (percent >= 100)
    tmpl = PICK (d, progress_done);
  else if (percent < 40)
    tmpl = PICK (d, progress_early);
  else
    tmpl = PICK (d, progress_middle);
  text = fill (d, tmpl, &f);

  if ((flags & FLAG_EVIDENCE) && !write_evidence (d, item, text, paths, error))
    return fail (error, "writing evidence files");
  g_ptr_array_add (paths, NULL);

  progress = zc_store_report_progress (d->store, actor (d, reporter), it->obj, percent, text,
                                       paths->len > 1 ? (const char * const *) paths->pdata : NULL,
                                       error);
  if (progress == NULL)
    return fail (error, "%s reports progress on item %" G_GINT64_FORMAT,
                 PERSON (d, reporter)->code, it->id);
  return TRUE;
}

static gboolean
do_item_step (Demo      *d,
              EventKind  kind,
              guint      item,
              GError   **error)
{
  DemoItem *it = ITEM (d, item);
  ZcItem *obj = it->obj;
  guint who = kind == EV_REQUEST ? UNIT (d, it->unit)->first : inspector (d);
  gboolean ok = FALSE;
  const char *what = "";

  switch (kind)
    {
    case EV_REQUEST:
      what = "requests close-out of";
      ok = zc_store_request_closeout (d->store, actor (d, who), obj, error);
      break;
    case EV_CLOSE:
      what = "closes out";
      ok = zc_store_close_out (d->store, actor (d, who), obj, PICK (d, close_notes), error);
      break;
    case EV_REJECT:
      what = "rejects the close-out of";
      ok = zc_store_reject_closeout (d->store, actor (d, who), obj, PICK (d, reject_reasons), error);
      break;
    case EV_EVALUATE:
      {
        static const int weights[] = { 65, 28, 7 };
        int satisfaction = pick_weighted (d, weights, 3);
        g_autofree char *note = fill (d, evaluation_notes[satisfaction], NULL);
        g_autoptr(ZcEvaluation) evaluation = NULL;

        what = "records the public's evaluation of";
        evaluation = zc_store_record_evaluation (d->store, actor (d, who), obj, satisfaction, note, error);
        ok = evaluation != NULL;
      }
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    return fail (error, "%s %s item %" G_GINT64_FORMAT, PERSON (d, who)->code, what, it->id);
  return TRUE;
}

static gboolean
do_order_step (Demo      *d,
               EventKind  kind,
               guint      index,
               guint      value,
               GError   **error)
{
  DemoOrder *order = ORDER (d, index);
  DemoUnit *u = UNIT (d, order->unit);
  ZcOrder *obj;
  guint who = kind == EV_ANSWER ? u->first : inspector (d);
  gboolean ok;

  if (kind == EV_ISSUE)
    {
      g_autofree char *required = day_date (d, d->day + rnd (d, 7, 14));
      g_autofree char *reason = NULL;

      if (order->item == G_MAXUINT)
        {
          g_autofree char *by = day_label (d, d->day + 10);

          reason = g_strdup_printf ("%s整改事项逾期较多、整体进度滞后，现予督办，请于%s前制定赶超计划并书面反馈。",
                                    u->name, by);
        }
      else
        reason = g_strdup (PICK (d, order_reasons));
      order->obj = zc_store_issue_order (d->store, actor (d, who),
                                         order->item == G_MAXUINT ? 0 : ITEM (d, order->item)->id,
                                         unit_id (d, order->unit), reason, required, error);
      if (order->obj == NULL)
        return fail (error, "%s issues a supervision order to %s", PERSON (d, who)->code, u->code);
      order->id = record_id (d, order->obj);
      return TRUE;
    }

  obj = order->obj;
  switch (kind)
    {
    case EV_REMIND:
      ok = zc_store_remind_order (d->store, actor (d, who), obj, PICK (d, remind_texts), error);
      break;
    case EV_ANSWER:
      {
        g_autofree char *by = day_label (d, rnd (d, 10, 30));
        Fill f = { NULL, u->name, NULL, by, 0 };
        g_autofree char *answer = fill (d, answer_texts[value ? 1 : 0], &f);

        ok = zc_store_answer_order (d->store, actor (d, who), obj, answer, error);
      }
      break;
    case EV_CONCLUDE:
      ok = zc_store_conclude_order (d->store, actor (d, who), obj, PICK (d, conclude_texts), error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    return fail (error, "%s acts on supervision order %" G_GINT64_FORMAT, PERSON (d, who)->code, order->id);
  return TRUE;
}

static char *
date_words (Demo *d,
            int   day)
{
  GDate date;
  g_autofree char *text = day_date (d, day);

  zc_date_parse (text, &date);
  return g_strdup_printf ("%d年%d月%d日", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static char *
pledge_text (Demo  *d,
             guint  item)
{
  DemoItem *it = ITEM (d, item);
  g_autofree char *when = NULL;

  if (it->term == ZC_TERM_TYPE_ONGOING)
    when = g_strdup ("长期坚持，每月报告进展");
  else
    {
      g_autofree char *date = date_words (d, it->deadline);

      when = it->term == ZC_TERM_TYPE_IMMEDIATE ? g_strdup_printf ("立行立改，%s前整改到位", date)
                                                 : g_strdup_printf ("%s前完成", date);
    }
  return g_strdup_printf ("针对“%s”问题：%s，%s。", PROBLEM (d, it->problem)->title, it->measure, when);
}

static gboolean
do_commit (Demo    *d,
           guint    unit,
           gboolean publish,
           GError **error)
{
  DemoUnit *u = UNIT (d, unit);
  DemoPerson *lead = PERSON (d, u->first);
  g_autoptr(ZcCampaign) campaign = zc_store_get_campaign (d->store, error);
  g_autoptr(ZcCommitment) commitment = zc_commitment_new ();
  g_autoptr(ZcCommitment) saved = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) problems = g_hash_table_new (NULL, NULL);
  g_autofree char *title = g_strdup_printf ("%s主要负责人作风建设公开承诺书", u->name);
  g_autofree char *opening = NULL;
  g_autofree char *closing = NULL;
  g_autofree char *signature = g_strdup_printf ("%s%s %s", u->name, lead->post, lead->name);
  g_autofree char *sign_date = day_date (d, d->day);
  gint64 id;

  if (campaign == NULL)
    return fail (error, "reading the campaign");
  opening = g_strdup_printf ("为深入贯彻落实全市作风效能暨营商环境建设大会精神，扎实开展%s，"
                             "本人作为%s主要负责人，坚持亲自查、查自己、作表率，带头公开承诺、带头接受监督。"
                             "针对本单位查摆出的问题，现郑重承诺如下：",
                             zc_campaign_get_title (campaign), u->name);
  closing = g_strdup_printf ("以上承诺，恳请全体干部职工和社会各界监督。如有违诺，愿接受组织处理和群众批评。\n"
                             "监督电话：%s\n监督邮箱：%s",
                             zc_campaign_get_supervision_phone (campaign),
                             zc_campaign_get_supervision_email (campaign));
  zc_commitment_set_unit_id (commitment, unit_id (d, unit));
  zc_commitment_set_author_id (commitment, person_id (d, u->first));
  zc_commitment_set_title (commitment, title);
  zc_commitment_set_opening (commitment, opening);
  zc_commitment_set_closing (commitment, closing);
  zc_commitment_set_contact_phone (commitment, zc_campaign_get_supervision_phone (campaign));
  zc_commitment_set_contact_email (commitment, zc_campaign_get_supervision_email (campaign));
  zc_commitment_set_signature (commitment, signature);
  zc_commitment_set_sign_date (commitment, sign_date);
  if (!zc_store_save_commitment (d->store, lead->obj, commitment, error))
    return fail (error, "%s drafts a public commitment", lead->code);
  id = record_id (d, commitment);
  u->commitment_id = id;

  /* One pledge for each of the unit's main problems (up to five), tied to its items. */
  for (guint k = 0; k < u->items->len && texts->len < 5; k++)
    {
      guint item = g_array_index (u->items, guint, k);
      gint64 *tied = g_new0 (gint64, 2);

      if (g_hash_table_contains (problems, GUINT_TO_POINTER (ITEM (d, item)->problem)))
        {
          g_free (tied);
          continue;
        }
      g_hash_table_add (problems, GUINT_TO_POINTER (ITEM (d, item)->problem));
      tied[0] = ITEM (d, item)->id;
      g_ptr_array_add (texts, pledge_text (d, item));
      g_ptr_array_add (ids, tied);
    }
  for (guint k = 0; k < 2; k++)
    {
      g_ptr_array_add (texts, g_strdup (generic_pledges[(unit + k) % G_N_ELEMENTS (generic_pledges)]));
      g_ptr_array_add (ids, NULL);
    }
  g_ptr_array_add (texts, NULL);

  saved = zc_store_load (d->store, ZC_TYPE_COMMITMENT, id, error);
  if (saved == NULL
      || !zc_store_set_pledges (d->store, lead->obj, saved, (const char * const *) texts->pdata,
                                (const gint64 * const *) ids->pdata, error))
    return fail (error, "%s writes the pledges", lead->code);
  if (publish)
    {
      g_clear_object (&saved);
      saved = zc_store_load (d->store, ZC_TYPE_COMMITMENT, id, error);
      if (saved == NULL || !zc_store_publish_commitment (d->store, lead->obj, saved, error))
        return fail (error, "%s publishes the commitment", lead->code);
    }
  return TRUE;
}

/* A new version with one more pledge, after a supervision talk; the old one stays visible. */
static gboolean
do_amend (Demo    *d,
          guint    unit,
          gboolean publish,
          GError **error)
{
  DemoUnit *u = UNIT (d, unit);
  DemoPerson *lead = PERSON (d, u->first);
  g_autoptr(ZcCommitment) old = NULL;
  g_autoptr(ZcCommitment) amended = NULL;
  g_autoptr(ZcCommitment) edited = NULL;
  g_autoptr(ZcCommitment) saved = NULL;
  g_autoptr(GListModel) pledges = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *opening = NULL;
  gint64 id;
  guint n;

  if (u->commitment_id == 0)
    return TRUE;
  old = zc_store_load (d->store, ZC_TYPE_COMMITMENT, u->commitment_id, error);
  if (old == NULL || (amended = zc_store_amend_commitment (d->store, lead->obj, old, error)) == NULL)
    return fail (error, "%s amends the commitment", lead->code);
  id = record_id (d, amended);

  pledges = zc_store_list_pledges (d->store, lead->obj, id, error);
  if (pledges == NULL)
    return fail (error, "%s reads the pledges", lead->code);
  n = g_list_model_get_n_items (pledges);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ZcPledge) pledge = g_list_model_get_item (pledges, i);
      const char *joined = zc_pledge_get_item_ids (pledge);
      g_auto(GStrv) parts = joined && *joined ? g_strsplit (joined, ",", -1) : NULL;
      gint64 *tied = NULL;

      if (parts != NULL)
        {
          guint count = g_strv_length (parts);

          tied = g_new0 (gint64, count + 1);
          for (guint k = 0; k < count; k++)
            tied[k] = g_ascii_strtoll (parts[k], NULL, 10);
        }
      g_ptr_array_add (texts, g_strdup (zc_pledge_get_text (pledge)));
      g_ptr_array_add (ids, tied);
    }
  /* The added pledge: the unit's most lagging item, if any. */
  for (guint k = 0; k < u->items->len; k++)
    {
      guint item = g_array_index (u->items, guint, k);
      DemoItem *it = ITEM (d, item);

      if (it->fate == FATE_RED || it->fate == FATE_PLANNED_RED || k == u->items->len - 1)
        {
          g_autofree char *pledge = pledge_text (d, item);
          gint64 *tied = g_new0 (gint64, 2);

          tied[0] = it->id;
          g_ptr_array_add (texts, g_strconcat ("根据督办意见增加：", pledge, NULL));
          g_ptr_array_add (ids, tied);
          break;
        }
    }
  g_ptr_array_add (texts, NULL);
  saved = zc_store_load (d->store, ZC_TYPE_COMMITMENT, id, error);
  if (saved == NULL
      || !zc_store_set_pledges (d->store, lead->obj, saved, (const char * const *) texts->pdata,
                                (const gint64 * const *) ids->pdata, error))
    return fail (error, "%s rewrites the pledges", lead->code);

  g_clear_object (&saved);
  saved = zc_store_load (d->store, ZC_TYPE_COMMITMENT, id, error);
  if (saved == NULL)
    return fail (error, "reloading the amended commitment");
  edited = ZC_COMMITMENT (zc_record_copy (ZC_RECORD (saved)));
  opening = g_strconcat (zc_commitment_get_opening (saved) ? zc_commitment_get_opening (saved) : "",
                         "（本版根据督办意见修订，增加一项承诺。）", NULL);
  zc_commitment_set_opening (edited, opening);
  {
    g_autofree char *sign_date = day_date (d, d->day);

    zc_commitment_set_sign_date (edited, sign_date);
  }
  if (!zc_store_save_commitment (d->store, lead->obj, edited, error))
    return fail (error, "%s edits the amended commitment", lead->code);
  if (publish)
    {
      g_clear_object (&saved);
      saved = zc_store_load (d->store, ZC_TYPE_COMMITMENT, id, error);
      if (saved == NULL || !zc_store_publish_commitment (d->store, lead->obj, saved, error))
        return fail (error, "%s publishes the amended commitment", lead->code);
    }
  return TRUE;
}

static gboolean
do_monthly (Demo    *d,
            guint    unit,
            GError **error)
{
  g_autofree char *date = day_date (d, d->day);
  g_autofree char *month = g_strndup (date, 7);
  guint who = inspector (d);
  g_autoptr(ZcReview) review = zc_store_take_monthly_review (d->store, actor (d, who), unit_id (d, unit),
                                                             month, error);

  if (review == NULL)
    return fail (error, "%s takes the monthly review of %s", PERSON (d, who)->code, UNIT (d, unit)->code);
  return TRUE;
}

static gboolean
merit (Demo        *d,
       guint        unit,
       int          person,
       ZcMeritKind  kind,
       const char  *text,
       GError     **error)
{
  g_autofree char *date = day_date (d, d->day);
  guint who = inspector (d);
  g_autoptr(ZcMerit) merit = zc_store_record_merit (d->store, actor (d, who), unit_id (d, unit),
                                                    person >= 0 ? person_id (d, person) : 0, kind, date,
                                                    text, error);

  if (merit == NULL)
    return fail (error, "%s records a %s", PERSON (d, who)->code, zc_enum_to_string (ZC_TYPE_MERIT_KIND, kind));
  return TRUE;
}

/* Commendations and sanctions from the measured results (用实绩说话). */
static gboolean
do_merits (Demo    *d,
           GError **error)
{
  guint groups = d->city ? 1 + G_N_ELEMENTS (districts) : 1;

  for (guint g = 0; g < groups; g++)
    {
      guint from = g == 0 ? 0 : G_N_ELEMENTS (bureau_units) + (g - 1) * G_N_ELEMENTS (district_units);
      guint to = g == 0 ? G_N_ELEMENTS (bureau_units) : from + G_N_ELEMENTS (district_units);
      guint best = from, second = from, worst = from;
      int funeral = -1, awarded = -1;
      g_autofree char *t1 = NULL, *t2 = NULL, *t3 = NULL, *t4 = NULL, *t5 = NULL, *t6 = NULL;

      for (guint i = from; i < to; i++)
        {
          DemoUnit *u = UNIT (d, i);

          if (u->closed > UNIT (d, best)->closed)
            best = i;
          if (u->red > UNIT (d, worst)->red)
            worst = i;
          if (funeral < 0 && (u->def->profile == P_FUNERAL || u->def->profile == P_WINDOW))
            funeral = i;
        }
      second = best == from ? from + 1 : from;
      for (guint i = from; i < to; i++)
        if (i != best && UNIT (d, i)->closed > UNIT (d, second)->closed)
          second = i;
      for (guint k = 0; k < UNIT (d, best)->items->len; k++)
        {
          DemoItem *it = ITEM (d, g_array_index (UNIT (d, best)->items, guint, k));

          if (it->fate <= FATE_CLOSED_REJECTED)
            {
              awarded = it->person;
              break;
            }
        }

      t1 = g_strdup_printf ("%s整改工作推进有力，整改事项按期销号%u项，予以通报表扬。",
                            UNIT (d, best)->name, UNIT (d, best)->closed);
      t2 = g_strdup_printf ("%s坚持立行立改，群众满意度明显提升，予以通报表扬。", UNIT (d, second)->name);
      if (!merit (d, best, -1, ZC_RECORD_KIND_COMMENDATION, t1, error)
          || !merit (d, second, -1, ZC_RECORD_KIND_COMMENDATION, t2, error))
        return FALSE;
      if (awarded >= 0)
        {
          t3 = g_strdup_printf ("%s同志在整改工作中主动作为、成效明显，授予“作风建设先进个人”称号。",
                                PERSON (d, awarded)->name);
          if (!merit (d, best, awarded, ZC_RECORD_KIND_AWARD, t3, error))
            return FALSE;
        }
      if (UNIT (d, worst)->red > 0)
        {
          t4 = g_strdup_printf ("%s整改进度滞后，%u项整改事项逾期未完成，予以通报批评。",
                                UNIT (d, worst)->name, UNIT (d, worst)->red);
          t5 = g_strdup_printf ("%s同志对督办事项反馈不及时、整改不力，经研究予以诫勉谈话。",
                                PERSON (d, UNIT (d, worst)->first)->name);
          if (!merit (d, worst, -1, ZC_RECORD_KIND_CRITICISM, t4, error)
              || !merit (d, worst, UNIT (d, worst)->first, ZC_RECORD_KIND_ADMONISHMENT, t5, error))
            return FALSE;
        }
      if (funeral >= 0 && UNIT (d, funeral)->n > 1)
        {
          guint person = UNIT (d, funeral)->first + 1 + (g % (UNIT (d, funeral)->n - 1));

          t6 = g_strdup_printf ("%s同志在%s中收受服务对象购物卡，依纪依规给予党内警告处分，并在全系统通报。",
                                PERSON (d, person)->name, unit_biz (UNIT (d, funeral), 0));
          if (!merit (d, funeral, person, ZC_RECORD_KIND_DISCIPLINE, t6, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* ======================================================================================
 * Running the campaign
 * ====================================================================================== */

static gboolean
dispatch (Demo        *d,
          const Event *ev,
          GError     **error)
{
  switch ((EventKind) ev->kind)
    {
    case EV_WRITE:
      return do_write (d, ev->index, error);
    case EV_REVIEW:
      return do_review (d, ev->index, (ev->flags & FLAG_SECOND) != 0, error);
    case EV_RESUBMIT:
      return do_resubmit (d, ev->index, error);
    case EV_SUGGEST:
      return do_suggest (d, ev->index, error);
    case EV_FEEDBACK:
      return do_feedback (d, ev->index, error);
    case EV_ITEMS:
      return do_items (d, ev->index, error);
    case EV_PROGRESS:
      return do_progress (d, ev->index, ev->flags, ev->value, error);
    case EV_REQUEST:
    case EV_CLOSE:
    case EV_REJECT:
    case EV_EVALUATE:
      return do_item_step (d, ev->kind, ev->index, error);
    case EV_ISSUE:
    case EV_REMIND:
    case EV_ANSWER:
    case EV_CONCLUDE:
      return do_order_step (d, ev->kind, ev->index, ev->value, error);
    case EV_COMMIT:
      return do_commit (d, ev->index, (ev->flags & FLAG_PUBLISH) != 0, error);
    case EV_AMEND:
      return do_amend (d, ev->index, (ev->flags & FLAG_PUBLISH) != 0, error);
    case EV_MONTHLY:
      return do_monthly (d, ev->index, error);
    case EV_MERITS:
      return do_merits (d, error);
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static const char * const event_names[] = {
  "write form", "review form", "resubmit form", "suggest", "public feedback",
  "report progress", "request close-out", "close out", "reject close-out", "evaluate",
  "issue order", "remind order", "answer order", "conclude order", "write ledger", "commit",
  "amend", "monthly review", "merits",
};

/* Runs the queued events in the order of their days, moving "today" along. With debug
 * messages on, says where the time went (for the benchmarks). */
static gboolean
run_events (Demo    *d,
            double   from,
            double   to,
            GError **error)
{
  guint n = d->events->len;
  gint64 spent[G_N_ELEMENTS (event_names)] = { 0 };
  guint count[G_N_ELEMENTS (event_names)] = { 0 };

  G_STATIC_ASSERT (G_N_ELEMENTS (event_names) == EV_MERITS + 1);
  g_array_sort (d->events, compare_events);
  for (guint i = 0; i < n; i++)
    {
      const Event *ev = &g_array_index (d->events, Event, i);
      gint64 start = g_get_monotonic_time ();

      set_day (d, ev->day);
      if (!dispatch (d, ev, error))
        return FALSE;
      spent[ev->kind] += g_get_monotonic_time () - start;
      count[ev->kind]++;
      if ((i & 255) == 0)
        report_progress (d, from + (to - from) * i / n);
    }
  for (guint k = 0; k < G_N_ELEMENTS (event_names); k++)
    if (count[k] > 0)
      g_debug ("demo: %-17s %7u x %6.0f us = %6.2f s", event_names[k], count[k],
               (double) spent[k] / count[k], spent[k] / 1e6);
  g_array_set_size (d->events, 0);
  report_progress (d, to);
  return TRUE;
}

static gboolean
set_up_campaign (Demo    *d,
                 GError **error)
{
  g_autofree char *start = day_date (d, DAY_START);
  g_autofree char *title = NULL;
  g_autoptr(ZcCampaign) campaign = NULL;
  g_autoptr(ZcCampaign) edited = NULL;
  ZcPerson *chief;

  title = d->city ? g_strdup_printf ("临江市%.4s年民政系统作风效能建设专项活动", start)
                  : g_strdup_printf ("临江市民政局%.4s年作风效能建设专项活动", start);
  set_day (d, DAY_START);
  campaign = zc_store_init_campaign (d->store, title, start, error);
  if (campaign == NULL)
    return fail (error, "creating the campaign");

  if (!resolve_entries (d, ZC_LIST_KIND_CATEGORY, category_labels, N_CATEGORIES, d->categories, error)
      || !resolve_entries (d, ZC_LIST_KIND_BENCHMARK, benchmark_labels, N_BENCHMARKS, d->benchmarks, error)
      || !resolve_entries (d, ZC_LIST_KIND_DIMENSION, dimension_labels, N_DIMENSIONS, d->dimensions, error)
      || !resolve_entries (d, ZC_LIST_KIND_FOCUS_AREA, area_labels, N_AREAS, d->areas, error))
    return FALSE;
  for (guint i = 0; i < N_CATEGORIES; i++)
    g_hash_table_insert (d->category_index, GSIZE_TO_POINTER ((gsize) d->categories[i]),
                         GUINT_TO_POINTER (i + 1));

  if (!import_organisation (d, error) || !load_organisation (d, error))
    return FALSE;
  chief = actor (d, g_array_index (d->inspectors, guint, 0));

  /* The demo accounts can sign in. */
  for (guint i = 0; i < G_N_ELEMENTS (demo_accounts); i++)
    {
      int person = find_person (d, demo_accounts[i]);

      if (person >= 0
          && !zc_store_set_passphrase (d->store, actor (d, person), NULL, ZC_DEMO_PASSPHRASE, error))
        return fail (error, "setting the passphrase of %s", demo_accounts[i]);
    }

  set_day (d, DAY_START + 2);
  g_clear_object (&campaign);
  campaign = zc_store_get_campaign (d->store, error);
  if (campaign == NULL)
    return fail (error, "reading the campaign");
  edited = ZC_CAMPAIGN (zc_record_copy (ZC_RECORD (campaign)));
  {
    g_autofree char *inspection = day_date (d, DAY_INSPECTION);
    g_autofree char *rectification = day_date (d, DAY_RECTIFICATION);
    g_autofree char *evaluation = day_date (d, DAY_EVALUATION);
    g_autofree char *end = day_date (d, DAY_END);

    zc_campaign_set_inspection_date (edited, inspection);
    zc_campaign_set_rectification_date (edited, rectification);
    zc_campaign_set_evaluation_date (edited, evaluation);
    zc_campaign_set_end_date (edited, end);
  }
  zc_campaign_set_warning_days (edited, 7);
  zc_campaign_set_supervision_phone (edited, "0712-82615110");
  zc_campaign_set_supervision_email (edited, "zfjs@minzheng.linjiang.example");
  if (!zc_store_update_campaign (d->store, chief, edited, error))
    return fail (error, "saving the campaign's calendar");

  set_day (d, DAY_INSPECTION);
  if (!zc_store_set_phase (d->store, chief, ZC_PHASE_INSPECTION, error))
    return fail (error, "starting the inspection phase");
  return TRUE;
}

static gboolean
aggregate (Demo    *d,
           GError **error)
{
  gboolean phase_moved = FALSE;

  set_day (d, DAY_AGGREGATION);
  for (guint i = 0; i < d->units->len; i++)
    {
      if (!aggregate_unit (d, i, &phase_moved, error))
        return FALSE;
      report_progress (d, 0.55 + 0.1 * (i + 1) / d->units->len);
    }
  set_day (d, DAY_RECTIFICATION);
  if (!phase_moved
      && !zc_store_set_phase (d->store, actor (d, g_array_index (d->inspectors, guint, 0)),
                              ZC_PHASE_RECTIFICATION, error))
    return fail (error, "starting the rectification phase");
  return TRUE;
}

static void
demo_free (Demo *d)
{
  for (guint i = 0; i < d->people->len; i++)
    {
      DemoPerson *p = PERSON (d, i);

      g_free (p->code);
      g_free (p->name);
      g_free (p->in_charge);
      g_clear_object (&p->obj);
      g_clear_object (&p->form);
    }
  for (guint i = 0; i < d->problems->len; i++)
    g_free (PROBLEM (d, i)->title);
  for (guint i = 0; i < d->items->len; i++)
    {
      g_free (ITEM (d, i)->review_dates);
      g_free (ITEM (d, i)->measure);
      g_clear_object (&ITEM (d, i)->obj);
    }
  for (guint i = 0; i < d->orders->len; i++)
    g_clear_object (&ORDER (d, i)->obj);
  g_ptr_array_unref (d->units);
  g_array_unref (d->people);
  g_array_unref (d->problems);
  g_array_unref (d->items);
  g_array_unref (d->orders);
  g_array_unref (d->events);
  g_array_unref (d->inspectors);
  g_hash_table_unref (d->findings);
  g_hash_table_unref (d->category_index);
  g_rand_free (d->rand);
  if (d->tmpdir)
    {
      g_autoptr(GDir) dir = g_dir_open (d->tmpdir, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (d->tmpdir, name, NULL);

          g_unlink (path);
        }
      g_rmdir (d->tmpdir);
      g_free (d->tmpdir);
    }
  /* Give the store its day back. */
  zc_store_set_today (d->store, d->saved_today);
  g_free (d->saved_today);
  g_free (d->today);
  g_free (d);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Demo, demo_free)

/*
 * The full-text indexes are kept by triggers, row by row; for a whole campaign written in
 * one transaction it is much faster to suspend them and rebuild each index once at the
 * end. Both happen inside the demo's transaction, so a failure rolls the triggers back
 * too. Returns the SQL that recreates the triggers.
 */
static GPtrArray *
suspend_fts_triggers (ZcStore  *store,
                      GError  **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sql = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = zc_store_stmt (store, "SELECT t.name, t.sql FROM sqlite_master t "
                                             "WHERE t.type = 'trigger' AND EXISTS (SELECT 1 FROM sqlite_master v "
                                             "WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%fts5%' "
                                             "AND t.sql LIKE '%INTO ' || v.name || ' %') ORDER BY t.name",
                                      error);

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (sql, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"", (char *) names->pdata[i]);

      if (!zc_store_exec (store, drop, error))
        return NULL;
    }
  return g_steal_pointer (&sql);
}

static gboolean
restore_fts_triggers (ZcStore    *store,
                      GPtrArray  *triggers,
                      GError    **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < triggers->len; i++)
    if (!zc_store_exec (store, triggers->pdata[i], error))
      return FALSE;
  stmt = zc_store_stmt (store, "SELECT name FROM sqlite_master WHERE type = 'table' "
                               "AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%' ORDER BY name", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *rebuild = g_strdup_printf ("INSERT INTO \"%s\" (\"%s\") VALUES ('rebuild')",
                                                  (char *) tables->pdata[i], (char *) tables->pdata[i]);

      if (!zc_store_exec (store, rebuild, error))
        return FALSE;
    }
  return TRUE;
}

static void
restore_cache_size (ZcStore *store,
                    gint64   pages)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, pages);

  zc_store_exec (store, sql, NULL);
}

/* The demo fills a new file in one transaction, with a rollback journal when nobody else
 * has the file open (zc_store_leave_wal()): a page added to a file needs no journal. */
gboolean
zc_demo_generate (ZcStore      *store,
                  ZcDemoScale   scale,
                  guint32       seed,
                  void        (*progress) (double fraction, gpointer data),
                  gpointer      data,
                  GError      **error)
{
  g_autoptr(Demo) d = NULL;
  gint64 timer = g_get_monotonic_time ();
  gint64 stage;
  gint64 cache_size;
  gboolean left_wal;
  g_autoptr(GPtrArray) triggers = NULL;

  g_return_val_if_fail (ZC_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (zc_store_has_campaign (store) || zc_store_count_people (store) > 0)
    {
      g_set_error (error, ZC_ERROR, ZC_ERROR_STATE,
                   "The database already holds a campaign; the demo needs an empty one");
      return FALSE;
    }

  d = g_new0 (Demo, 1);
  d->store = store;
  d->rand = g_rand_new_with_seed (seed);
  d->city = scale == ZC_DEMO_CITY;
  d->saved_today = g_strdup (store->today);
  d->today = zc_store_today (store);
  d->day = G_MININT;
  d->progress = progress;
  d->progress_data = data;
  d->units = g_ptr_array_new_with_free_func ((GDestroyNotify) demo_unit_free);
  d->people = g_array_new (FALSE, TRUE, sizeof (DemoPerson));
  d->problems = g_array_new (FALSE, TRUE, sizeof (DemoProblem));
  d->items = g_array_new (FALSE, TRUE, sizeof (DemoItem));
  d->orders = g_array_new (FALSE, TRUE, sizeof (DemoOrder));
  d->events = g_array_new (FALSE, TRUE, sizeof (Event));
  d->inspectors = g_array_new (FALSE, FALSE, sizeof (guint));
  d->findings = g_hash_table_new (NULL, NULL);
  d->category_index = g_hash_table_new (NULL, NULL);
  d->max_evidence = d->city ? 12 : 400;
  d->tmpdir = g_dir_make_tmp ("zicha-demo-XXXXXX", error);
  if (d->tmpdir == NULL)
    return FALSE;
  for (int i = 0; i < 12; i++)
    d->past_months[i] = day_month (d, DAY_INSPECTION - 15 - 30 * i);

  report_progress (d, 0.0);
  build_organisation (d);

  /* One transaction for the whole campaign: give it a page cache that holds the whole file
   * (about 420 MiB at city scale), so that SQLite neither spills dirty pages to the file in
   * the middle of the transaction nor reads back the ones it dropped. The memory is taken
   * only as pages are used, and given back when the demo ends. */
  cache_size = zc_store_query_int (store, -2000, "PRAGMA cache_size", NULL);
  if (d->city && !zc_store_exec (store, "PRAGMA cache_size = -786432", error))
    return FALSE;
  left_wal = zc_store_leave_wal (store);
  if (!zc_store_begin (store, error))
    {
      zc_store_back_to_wal (store, left_wal);
      return FALSE;
    }
  /* The first failure stops the demo and rolls the whole campaign back: no call needs a
   * savepoint of its own. */
  zc_store_set_all_or_nothing (store);
  if ((triggers = suspend_fts_triggers (store, error)) == NULL)
    goto failed;
  stage = g_get_monotonic_time ();
  if (!set_up_campaign (d, error))
    goto failed;
  g_debug ("demo: set-up %.2f s", (g_get_monotonic_time () - stage) / 1e6);
  report_progress (d, 0.05);

  plan_inspection (d);
  if (!run_events (d, 0.05, 0.55, error))
    goto failed;

  stage = g_get_monotonic_time ();
  if (!aggregate (d, error))
    goto failed;
  g_debug ("demo: aggregation %.2f s", (g_get_monotonic_time () - stage) / 1e6);

  plan_rectification (d);
  plan_unit_orders (d);
  plan_commitments (d);
  plan_reviews_and_merits (d);
  if (!run_events (d, 0.65, 0.98, error))
    goto failed;

  stage = g_get_monotonic_time ();
  if (!restore_fts_triggers (store, triggers, error) || !zc_store_commit (store, error))
    goto failed;
  g_debug ("demo: indexes and commit %.2f s", (g_get_monotonic_time () - stage) / 1e6);
  zc_store_back_to_wal (store, left_wal);
  restore_cache_size (store, cache_size);
  g_debug ("demo: %u units, %u people, %u problems, %u items, %u orders in %.1f s",
           d->units->len, d->people->len, d->problems->len, d->items->len, d->orders->len,
           (g_get_monotonic_time () - timer) / 1e6);
  report_progress (d, 1.0);
  return TRUE;

failed:
  zc_store_rollback (store);
  zc_store_back_to_wal (store, left_wal);
  restore_cache_size (store, cache_size);
  return FALSE;
}
