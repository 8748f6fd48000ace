;;; 02-params.clp -- policy parameters: every threshold and switch the rules use.
;;;
;;; The value written here is the default. `qscore --param NAME=VALUE` replaces it for a run
;;; (the engine checks the name, the type -- an integer stays an integer -- and [min, max]);
;;; `qscore rubric` lists them all. Rules read a parameter with a pattern such as
;;;   (param (name standards-many) (value ?many))
;;; and every reason that used one prints the threshold next to the measured value.
;;; Flags (switches) are integers 0 or 1.

(deffacts MAIN::params-2025

  ;; ---- the rubric's own numbers

  (param (name window-months) (value 24) (min 1) (max 120) (unit "月")
    (text "评价要求注：质量成效中的指标是指开展产业质量提升后的24个月产生的效益。质量成效（第2部分）的证据须落在[开工日期, 开工日期+24个月]之内。")
    (text-en "The rubric's closing note: results (section 2) count only benefits produced within 24 months after the work began. Results evidence must be dated inside [work start, work start + 24 months]."))

  (param (name year-split-months) (value 7) (min 1) (max 12) (unit "月")
    (text "年度数据按自然年统计，开工日期（或评价期末）常把一年分成两段：该年归入占其至少此数个月的一侧。开工前已过至少7个月（8月及以后开工）的，开工当年即为基准年，不把开工前大半年的变化算作成效（11月开工时若以上一年为基准，会把约10个月开工前的变化计入）；评价期末所在年份有至少7个月在评价期内的，即为末年。两端取同一规则，24个月的评价期总是跨两个自然年。12即旧读法：基准年总为开工前一年，末年须整年在评价期内。")
    (text-en "Yearly values are per calendar year, and the work start (or the window's end) often cuts a year in two: the year goes to the side holding at least this many of its months. When at least 7 months had passed before the work started (a start in month 8, August, or later), the start's own year is the base year, so that most of a year before the work is not counted as its result (a start in month 11, November, measured from the year before would count about 10 months of pre-start change); the window end's year is the last year when at least 7 of its months lie inside the window. One rule for both ends keeps a 24-month window two calendar years long. 12 is the former reading: the base year always the year before the start, the last year wholly inside the window."))

  (param (name rate-months-min) (value 12) (min 1) (max 120) (unit "月")
    (text "第1部分“定期”的频次（会议、培训、竞赛，次/年）按评价期计；评审基准日早于评价期结束时，按开工至评审基准日已过的月数计（不把尚未到来的月份算作没有活动），但不少于此数个月（也不超过评价期），一两个月太短，看不出节奏。")
    (text-en "Section 1's 'regular' rates (meetings, trainings, competitions a year) are averaged over the window; when scored before the window ends, over the months elapsed from the work start to the scoring day (months still to come are not counted as months without activity), but over no fewer than this many months (and no more than the window): a month or two is too short to show a rhythm."))

  ;; ---- words used across the rubric: 显著/明显 (marked) and 一定 (some)

  (param (name improvement-marked) (value 20.0) (min 0.0) (max 1000.0) (unit "%")
    (text "“显著”“明显”：改善幅度至少20%。合格率、监督抽查合格率、满意度按与100%差距缩小的比例计，即不合格（不满意）部分的相对下降，按剩余差距衡量（95%→96%缩小差距20%，99.2%→99.6%缺陷减半即50%），不另设固定的百分点噪声门槛；可靠性、故障率、质量损失率按相对变化计（质量损失率2.0%→1.6%下降20%）。20%是两年内不靠偶然波动就难以达到的幅度。用于质量提升和中小企业活动成效（质量提升行动的“取得成效”用 improvement-some）；资源利用（绿色低碳）和产值增长（产业发展）另有参数。")
    (text-en "'Marked' (显著, 明显): an improvement of at least 20 %. For pass rates, spot-check pass rates and satisfaction, the share of the shortfall to 100 % closed, that is the relative fall of the defects (or dissatisfaction), judged against the gap that remained (95 -> 96 closes 20 %; 99.2 -> 99.6 halves the defects: 50 %), with no fixed noise floor in points; for reliability, failure and loss rates, the relative change (a loss rate 2.0 -> 1.6 % falls 20 %). 20 % is hard to reach in two years by chance. Used for quality and SME activity results (an improvement action's 'with results' uses improvement-some); resource use (green) and growth (development) have parameters of their own."))

  (param (name factor-far-multiple) (value 2.0) (min 1.0) (max 100.0) (unit "倍")
    (text "“远超”门槛的档内加分：达到相应参数的这么多倍（会议频次、专精特新企业数、产值增速、质量损失率降幅、排放降幅）。")
    (text-en "Placement for going far beyond a threshold: this many times the parameter concerned (meeting rate, specialised firms, output growth, fall of the loss rate, fall of emissions)."))

  (param (name improvement-some) (value 5.0) (min 0.0) (max 1000.0) (unit "%")
    (text "“一定的提升”：改善幅度至少5%（计法同上），大于一般的年度波动；对合格率即缺陷至少减少二十分之一，门槛本身随剩余差距缩放，因此也是合格率的噪声门槛。")
    (text-en "'To some extent' (一定): an improvement of at least 5 % (measured as above), more than the usual year-to-year noise; for a pass rate, defects down by at least a twentieth: the threshold scales with the gap that remained, so it is also the pass rate's noise floor."))

  ;; ---- checks of the metrics (04-measure.clp)

  (param (name claim-tolerance) (value 1.0) (min 0.0) (max 100.0) (unit "百分点")
    (text "申报材料声称的变化与年度数值算出的变化之差超过此数即提示（四舍五入误差之外）；单位与声称的一致：变化率为百分点，百分点变化亦为百分点。")
    (text-en "A claimed change that differs from the one the yearly values give by more than this is flagged (beyond rounding); in the claim's own unit, percentage points either way."))

  (param (name rate-unusual-yield) (value 80.0) (min 0.0) (max 100.0) (unit "%")
    (text "一次交验合格率、产品合格率或监督抽查合格率低于此数，提示核对（全国制造业产品质量合格率约93.9%）。")
    (text-en "A first-pass yield, pass rate or spot-check pass rate below this is flagged for checking (the national manufacturing pass rate is about 93.9 %)."))

  (param (name rate-unusual-loss) (value 10.0) (min 0.0) (max 100.0) (unit "%")
    (text "质量损失率高于此数，提示核对。")
    (text-en "A quality-loss rate above this is flagged for checking."))

  ;; ---- mechanism 创新质量提升工作机制

  (param (name mechanism-alliance-kinds) (value 5) (min 1) (max 5) (unit "类")
    (text "“政产学研检联盟”：成员须覆盖政、产、学、研、检的类数。联盟名称本身列出五方，默认要求五类俱全。")
    (text-en "A 'government-industry-academia-research-inspection alliance': how many of the five parties its members must cover. The name lists five, so all five by default."))

  (param (name mechanism-meetings-per-year) (value 2.0) (min 0.1) (max 365.0) (unit "次/年")
    (text "“定期举办会议或活动”：成效评价期内平均每年的次数。至少半年一次，才算固定的节奏而非一次性活动。")
    (text-en "'Meetings or activities held regularly': how many a year on average over the window. At least every six months makes a rhythm rather than one-off events."))

  (param (name mechanism-actions-many) (value 3) (min 1) (max 1000) (unit "项")
    (text "10-14分档内加分：取得成效的质量提升行动达到此数。")
    (text-en "Placement in 10-14: this many actions with measured results."))

  (param (name mechanism-alliance-members) (value 10) (min 1) (max 100000) (unit "个")
    (text "10-14分档内加分：联盟成员达到此数，参与面广。")
    (text-en "Placement in 10-14: an alliance with this many members, a wide one."))

  ;; ---- survey 开展产业质量状况调查

  (param (name survey-problems-min) (value 3) (min 1) (max 1000) (unit "个")
    (text "“准确把握产业重大质量问题”：问题清单至少列明的问题数。少于3个难称对产业重大问题的系统研判。")
    (text-en "'Major quality problems judged accurately': the fewest problems a problem list must name. Fewer than 3 is hardly a judgement of an industry's major problems."))

  (param (name survey-indicators-many) (value 20) (min 1) (max 10000) (unit "项")
    (text "6-8分档内加分：质量指标体系的指标数达到此数。")
    (text-en "Placement in 6-8: an indicator system with this many indicators."))

  ;; ---- infrastructure 加强质量基础设施建设

  (param (name infrastructure-served-full) (value 50.0) (min 0.0) (max 100.0) (unit "%")
    (text "“能力充分满足产业发展需求”：服务覆盖率，即中心和平台服务的链上企业所占比例（按所列企业计，或按申报的产业链企业数计并计入平台申报的服务中小微企业数，取较高者；检测、物流等“其他”角色企业不计）。一半及以上即为充分；在7-10分档内加分，在4-6分档内作为部分达到上一档。")
    (text-en "'Capacity fully meets the industry's needs': coverage, the share of the chain's enterprises that centres and platforms serve (over the listed enterprises, or over the declared chain size with the SMEs platforms state they served, whichever is higher; service firms of role other not counted). Half or more is full; it places the score in 7-10, and in 4-6 as partly the next band."))

  (param (name infrastructure-served-basic) (value 20.0) (min 0.0) (max 100.0) (unit "%")
    (text "“能力基本满足产业发展需求”（4-6分档的条件）：服务覆盖率，算法同上。五分之一为基本覆盖。")
    (text-en "'Capacity basically meets the industry's needs' (a condition of 4-6): coverage, measured as above. One in five is basic coverage."))

  (param (name infrastructure-centre-kinds) (value 2) (min 1) (max 5) (unit "类")
    (text "7-10分档内加分：国家级或省级中心涵盖的类别数（计量测试、标准验证、检验检测、风险监测等）。")
    (text-en "Placement in 7-10: how many kinds of national or provincial centres (metrology, standard verification, inspection, risk monitoring, other)."))

  (param (name infrastructure-facilities-many) (value 2) (min 1) (max 1000) (unit "个")
    (text "1-3分档内加分：中心和平台合计达到此数（已有多个设施，只是尚未集成）。")
    (text-en "Placement in 1-3: this many centres and platforms in all (several facilities, not yet integrated)."))

  (param (name infrastructure-smes-served) (value 100) (min 1) (max 1000000) (unit "家")
    (text "7-10分档内加分：平台服务的中小微企业达到此数。")
    (text-en "Placement in 7-10: a platform serving this many SMEs."))

  ;; ---- talent 建设专业质量队伍

  (param (name talent-trainings-per-year) (value 2.0) (min 0.1) (max 365.0) (unit "次/年")
    (text "“定期开展质量技能培训”（3-5分档）及“长效良性机制”所含的“定期开展质量人才培养”（6-8分档）：成效评价期内平均每年的培训次数。至少半年一次。")
    (text-en "'Skills training held regularly' (3-5), and 'quality talent trained regularly' within the lasting mechanism (6-8): trainings a year on average over the window. At least every six months."))

  (param (name talent-competitions-per-year) (value 1.0) (min 0.1) (max 365.0) (unit "次/年")
    (text "“定期开展劳动技能竞赛等质量活动”：每年至少一次，技能竞赛通常按年度举办。")
    (text-en "'Skills competitions held regularly': at least once a year; such competitions are usually annual."))

  (param (name talent-lasting-years) (value 2) (min 1) (max 10) (unit "个年度")
    (text "“长效”：人才培养机制文件和定期培训之外，评价期内至少在这么多个不同年度开展培训，说明机制持续运转。")
    (text-en "'Lasting': besides a mechanism document and regular training, trainings in at least this many calendar years of the window, showing the mechanism keeps running."))

  (param (name talent-share-all) (value 90.0) (min 0.0) (max 100.0) (unit "%")
    (text "“链上企业全面推行”首席质量官、标准总监制度：设立的企业占所列链上企业的比例（检测、物流等“其他”角色的服务企业不计）。“全面”即全部，留10%余地给新近加入的企业。")
    (text-en "'All enterprises on the chain' run the chief quality officer or standards director system: the share of the listed enterprises of the chain (service firms of role other not counted). 'All' with 10 % allowance for newly joined firms."))

  (param (name talent-share-main) (value 100.0) (min 0.0) (max 100.0) (unit "%")
    (text "“链上主要企业推行”：设立的主要企业比例。主要企业数量少，要求全部。")
    (text-en "'The main enterprises run it': the share of main enterprises. There are few of them, so all."))

  (param (name talent-participants-many) (value 500) (min 1) (max 10000000) (unit "人次")
    (text "6-8分档内加分：评价期内培训人次达到此数。")
    (text-en "Placement in 6-8: this many training participants over the window."))

  ;; ---- sme 推动中小企业质量提升

  (param (name sme-joint-min) (value 2) (min 1) (max 1000) (unit "家")
    (text "“联合”开展活动：参与的链上企业至少这么多家。")
    (text-en "A 'joint' activity: at least this many chain enterprises take part."))

  (param (name sme-srdi-many) (value 2) (min 1) (max 1000) (unit "家")
    (text "“两个以上专精特新企业”：“以上”含本数，即至少2家。")
    (text-en "'Two or more specialised-and-innovative firms': 以上 includes the number, so at least 2."))

  (param (name sme-participants-many) (value 10) (min 1) (max 100000) (unit "家")
    (text "7-10分档和4-6分档内加分：参与联合活动的链上企业达到此数，带动面广。")
    (text-en "Placement in 7-10 and 4-6: this many chain enterprises took part, a wide reach."))

  (param (name sme-srdi-valid-years) (value 3) (min 1) (max 10) (unit "年")
    (text "专精特新资格的有效期：自认定日期（srdi-date）起算。《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）规定专精特新中小企业和专精特新“小巨人”企业认定有效期均为三年，期满须复核。资格在成效评价期内某一时点有效（认定不晚于评价期结束，且有效期届满晚于评价期开始）即为专精特新企业。")
    (text-en "How long a specialised-and-innovative (专精特新) status lasts from its recognition date (srdi-date). The Interim Measures for the Tiered Cultivation of Quality SMEs (MIIT 企业〔2022〕63号) make both the provincial status and the national 'little giant' status valid for three years, then reviewed. A firm is 专精特新 when its status is valid at some time in the window (recognised by its end, expiring after its start)."))

  ;; ---- management 全面提高质量管理水平

  (param (name management-qms-share) (value 80.0) (min 0.0) (max 100.0) (unit "%")
    (text "“链上主要企业质量管理等体系运行有效”：持有评价期内有效质量管理体系证书的主要企业比例，链主企业须全部持有。“主要企业”指其总体，五家中四家即达到；未全部持有时仍在该档，但少得 qms-all 一分，而不是失去该档。")
    (text-en "'The main enterprises' quality-management systems run effectively': the share of main enterprises holding a QMS certificate valid in the window; every chain-leader firm must hold one. 主要企业 speaks of them as a whole, so four of five reach it; short of all of them the band stands but the qms-all point is lost, rather than the band."))

  (param (name management-widespread-enterprises) (value 2) (min 1) (max 1000) (unit "家")
    (text "7-10分档内加分：先进方法、数字化质量管理各在至少这么多家主要企业开展。")
    (text-en "Placement in 7-10: advanced methods, and digital quality management, each in at least this many main enterprises."))

  (param (name management-advanced-min) (value 2) (min 1) (max 1000) (unit "项")
    (text "“积极推动运用”先进质量管理方法：主要企业在评价期内运用的次数（方法×企业）。“积极推动”不止一项。")
    (text-en "'Actively applying' advanced methods: how many applications (method x enterprise) in main enterprises over the window. 'Actively' is more than one."))

  ;; ---- development 产业发展

  ;; The national pace, 国家统计局 (National Bureau of Statistics of China): operating revenue of
  ;; industrial enterprises above designated size (规模以上工业企业营业收入) grew 1.1 % in 2023
  ;; (133.44 trillion yuan; release of 2024-01-27) and 2.1 % in 2024 (release of 2025-03-27:
  ;; Jan-Feb 2025 grew 2.8 %, "0.7 points faster than the whole of 2024"); their revenue per
  ;; employee (人均营业收入) rose from 175.6 to 181.5 ten-thousand yuan in 2023 (+3.4 %). Real value
  ;; added of industry above designated size grew 4.6 % (2023) and 5.8 % (2024), of equipment
  ;; manufacturing 7.7 % and of high-tech manufacturing 8.9 % in 2024; national labour
  ;; productivity (全员劳动生产率, real) rose 4.2 % (2022) and 5.7 % (2023) (statistical
  ;; communiqués). The applications' series are nominal, so the nominal figures set 一定.
  (param (name development-output-some) (value 2.0) (min 0.0) (max 1000.0) (unit "%/年")
    (text "产值“有一定增长”：年均增长不低于全国工业的名义增速。国家统计局：规模以上工业企业营业收入2023年增长1.1%（2024-01-27发布），2024年增长2.1%（2025-03-27发布：2025年1-2月增长2.8%，比2024年全年快0.7个百分点）；取其中较高的2%。")
    (text-en "Output 'grew to some extent': at least the national nominal industrial pace. National Bureau of Statistics: operating revenue of industrial enterprises above designated size grew 1.1 % in 2023 (release of 2024-01-27) and 2.1 % in 2024 (release of 2025-03-27: months 1-2 of 2025 grew 2.8 %, 0.7 points faster than 2024 as a whole); the higher, 2 %."))

  (param (name development-output-substantial) (value 6.0) (min 0.0) (max 1000.0) (unit "%/年")
    (text "产值“大幅增长”：年均复合增长率达到全国名义增速（约2%）的3倍，与增长最快的工业门类相当。国家统计局：2024年规模以上装备制造业增加值增长7.7%、高技术制造业增长8.9%；2023年规模以上工业增加值增长4.6%（均为实际增速）。")
    (text-en "Output 'grew substantially': compound growth a year of 3 times the national nominal pace (about 2 %), as fast as the fastest-growing parts of industry. National Bureau of Statistics: in 2024 value added of equipment manufacturing grew 7.7 % and of high-tech manufacturing 8.9 %; in 2023 value added of industry above designated size grew 4.6 % (real growth)."))

  (param (name development-productivity-some) (value 3.0) (min 0.0) (max 1000.0) (unit "%/年")
    (text "劳动生产率“有一定提高”：不低于全国工业的名义水平。国家统计局：2023年末规模以上工业企业人均营业收入181.5万元，比上年增加5.9万元（约3.4%）；未能查到2024年的对应数字；取3%。")
    (text-en "Productivity 'rose to some extent': at least the national nominal industrial pace. National Bureau of Statistics: revenue per employee of industrial enterprises above designated size was 181.5 ten-thousand yuan at the end of 2023, 5.9 ten-thousand more than a year before (about 3.4 %); the 2024 figure could not be found; 3 %."))

  (param (name development-productivity-substantial) (value 6.0) (min 0.0) (max 1000.0) (unit "%/年")
    (text "劳动生产率“大幅提高”：年均提高达到全国工业名义水平（约3%）的2倍，高于全国全员劳动生产率的实际增速（国家统计局统计公报：2022年提高4.2%，2023年提高5.7%）。")
    (text-en "Productivity 'rose substantially': growth a year of 2 times the national nominal industrial pace (about 3 %), above the real growth of national labour productivity (statistical communiqués of the National Bureau of Statistics: 4.2 % in 2022, 5.7 % in 2023)."))

  (param (name development-grew-min) (value 0.0) (min -100.0) (max 1000.0) (unit "%/年")
    (text "“有所增长/提高”：年均增长率高于此数，默认即为正增长。")
    (text-en "'Grew' / 'rose': growth a year above this; by default, any growth."))

  (param (name development-champion-years) (value 3) (min 1) (max 100) (unit "年")
    (text "制造业单项冠军未写明有效期（valid-until）时，自认定之日起按此年数有效：工业和信息化部对单项冠军每三年复核一次（如2019年第四批遴选时复核2016年第一批，工信厅联产业函〔2019〕78号）。")
    (text-en "A manufacturing single champion without a stated valid-until holds for this many years from its recognition: the Ministry of Industry and Information Technology reviews single champions every three years (the 2019 fourth selection reviewed the 2016 first batch, 工信厅联产业函〔2019〕78号)."))

  (param (name development-market-rank-global) (value 3) (min 1) (max 1000) (unit "位")
    (text "“质量竞争力处于行业领先水平”：产品全球市场占有率排名不后于此位。取制造业单项冠军的认定条件“市场占有率位居全球前三”。")
    (text-en "'Quality competitiveness at the industry's leading level': a product's rank in the global market at most this. The criterion of a manufacturing single champion: a market share among the first three in the world."))

  (param (name development-market-rank-national) (value 1) (min 1) (max 1000) (unit "位")
    (text "“质量竞争力处于行业领先水平”：产品国内市场占有率排名不后于此位。国内领先即全国第一。")
    (text-en "'Quality competitiveness at the industry's leading level': a product's rank in the national market at most this. Leading at home is first in the country."))

  ;; ---- quality 质量提升

  (param (name quality-marked-groups) (value 2) (min 1) (max 3) (unit "项")
    (text "6-8分档：合格率、可靠性、服务满意度三类中须显著提升的类数（每类有一条序列达到即可：原文“主导产品或核心零部件或核心中间产品”为“或”）。原文以“等”列举，不要求三类俱全，但至少过半；未提供数据的类不算达到。")
    (text-en "Band 6-8: how many of pass rate, reliability and satisfaction must improve markedly (a group by one of its series: the rubric's 'leading products or core components or core intermediate products' is an 'or'). The rubric lists them with 等 (etc.), so not all three, but a majority; a group without data does not count."))

  (param (name quality-stable-tolerance) (value 5.0) (min 0.0) (max 100.0) (unit "%")
    (text "“保持稳定”：至少一类有一条序列变差不超过此幅度（计法同 improvement-marked）；变差更多的序列单独提示。")
    (text-en "'Stable': in at least one group a series worse by no more than this (measured as for improvement-marked); series worse than that are flagged."))

  ;; ---- green 绿色低碳
  ;; Resource use and emissions are on one scale: the relative change of the value reported
  ;; (the fall of an intensity or an emission, the rise of the resource use rate), the scale of
  ;; the national targets: 《“十四五”工业绿色发展规划》（工信部规〔2021〕178号）: by 2025
  ;; industrial energy per unit of value added -13.5 %, CO2 per unit of value added -18 %, water
  ;; per 10,000 yuan of value added -16 %, all against 2020 (about 3-4 % a year).

  (param (name green-resource-marked) (value 8.0) (min 0.0) (max 1000.0) (unit "%")
    (text "资源利用“提升显著”：单位产值能耗、水耗或资源综合利用率有一条序列改善至少此数（均按相对变化计：强度的相对下降、利用率的相对提高）。《“十四五”工业绿色发展规划》（工信部规〔2021〕178号）要求2025年规模以上工业单位增加值能耗比2020年下降13.5%、万元工业增加值用水量下降16%（每年约3%），两年内改善8%以上即明显快于国家节奏。")
    (text-en "Resource use 'markedly better': a series of energy intensity, water intensity or resource use rate improved by at least this (all as relative change: the fall of an intensity, the rise of a use rate). 《“十四五”工业绿色发展规划》 (MIIT, 工信部规〔2021〕178号) sets, for 2025 against 2020, -13.5 % industrial energy per unit of value added and -16 % water per unit of industrial value added (about 3 % a year); 8 % in two years is well ahead of that pace."))

  (param (name green-resource-some) (value 3.0) (min 0.0) (max 1000.0) (unit "%")
    (text "资源利用“有一定的提升”：有一条序列改善至少此数（相对变化），约相当于国家一年的节奏。")
    (text-en "Resource use 'somewhat better': a series improved by at least this (relative change), about a year of the national pace."))

  (param (name green-emissions-some) (value 3.0) (min 0.0) (max 1000.0) (unit "%")
    (text "污染物、碳排放“有一定的下降”：产业链或主要企业有一条排放序列相对下降至少此数；同一规划要求单位工业增加值二氧化碳排放五年下降18%（每年约4%），3%约相当于不足一年的节奏。")
    (text-en "Emissions 'somewhat lower': an emission series of the chain or of a main enterprise fell by at least this, relative; the same plan sets -18 % carbon dioxide per unit of industrial value added over five years (about 4 % a year), so 3 % is under a year of that pace."))

  (param (name green-certified-many) (value 2) (min 1) (max 1000) (unit "家")
    (text "4-6分档内加分：获得绿色类认证的主要企业达到此数。")
    (text-en "Placement in 4-6: this many certified main enterprises."))

  ;; ---- standards 标准提档

  (param (name standards-any-enterprise) (value 0) (min 0) (max 1) (unit "开关")
    (text "评价要求写明“链上主要企业”。0：只计链主企业和关键合作方（主要企业）参与的标准；1：链上任何企业参与的标准均计入。")
    (text-en "The rubric says 'the chain's main enterprises'. 0: count only standards of chain-leader firms and key partners (the main enterprises); 1: count standards of any enterprise on the chain."))

  (param (name standards-count-approved) (value 0) (min 0) (max 1) (unit "开关")
    (text "“积极参与制修订”是作为起草单位参与起草：已立项、给出计划号（项目编号）的项目，评价期内在起草即计入（发布与否只影响档内位置）。本开关决定未给出计划号的立项项目是否也计入。默认不计：没有计划号，无法核实立项和起草单位身份。")
    (text-en "'Actively take part in drafting' is taking part as a drafting unit: an approved project with its plan (project) number counts when its drafting ran in the window (publication only places it higher in the band). This switch decides whether an approved project without a plan number counts too. Default no: without the plan number neither the approval nor the drafting-unit status can be checked."))

  (param (name standards-lead-rank) (value 1) (min 1) (max 1000) (unit "位")
    (text "“主导（牵头）”制修订：起草单位排序不后于此位即为主导；默认第一起草单位。未给出排序时按申报的主导/参与角色，二者矛盾时按排序并提示。")
    (text-en "'Led' (主导, 牵头) the drafting: a drafting-unit rank at most this is leading; by default the first drafting unit. Without a rank, the declared lead or participant role; when the two disagree, the rank decides and a flag says so."))

  (param (name standards-many) (value 3) (min 1) (max 1000) (unit "项")
    (text "3-5分档“推动行业形成较完善的标准化体系”：主要企业参与的行业、团体、地方标准达到此数，在档内加分。3项即覆盖产品、方法、管理等不同方面，足以称为体系的雏形。")
    (text-en "Band 3-5, 'a fairly complete standards system': this many industry, group or local standards of the main enterprises places the score higher in the band. 3 standards already cover different aspects (product, method, management), the beginning of a system."))

  (param (name standards-declaring-enterprises) (value 2) (min 1) (max 1000) (unit "家")
    (text "1-2分档“链上主要企业积极开展企业标准自我声明公开”：开展自我声明公开的主要企业达到此数，在档内加分。“主要企业”为复数，故取2家。")
    (text-en "Band 1-2, 'the main enterprises actively self-declare': this many distinct main enterprises with self-declared standards places the score higher in the band. The rubric speaks of enterprises in the plural, hence 2."))

  ;; ---- brand 品牌建设

  (param (name brand-cluster-enterprises) (value 2) (min 1) (max 1000) (unit "家")
    (text "“品牌集群效应”：获得省级及以上荣誉的不同企业达到此数，在6-8分档和3-5分档内加分。集群至少需要两家企业。")
    (text-en "'Brand-cluster effect': this many distinct enterprises holding provincial or national honours places the score higher in band 6-8 or 3-5. A cluster needs at least two enterprises."))

  ;; ---- capability 制造业企业质量管理能力等级

  (param (name capability-require-document) (value 1) (min 0) (max 1) (unit "开关")
    (text "评价要求须“提供由第三方专业机构出具的评价报告或工信部公布的评级信息”。1：声称的第三方报告或工信部公布信息须附文件引用（<doc>），否则不计分；0：只看声明的证明方式。")
    (text-en "The rubric requires the third-party report or MIIT's published rating to be provided. 1: a claimed report or publication must come with a document reference (<doc>) or it earns nothing; 0: the declared kind of proof is enough."))

  (param (name capability-valid-years) (value 3) (min 1) (max 10) (unit "年")
    (text "评价报告或工信部公布的评级信息未写明有效期（valid-until）时，评级自评价日期起按此年数有效。评价要求和《制造业卓越质量工程实施意见》都未规定评级的有效期；三年与质量管理体系认证证书、专精特新认定的有效期相同，是我国合格评定和认定结果通行的周期。评级在成效评价期内某一时点有效才计分。")
    (text-en "When the report or MIIT's published rating states no term (valid-until), the rating is taken as valid this many years from its date. Neither the rubric nor the 制造业卓越质量工程实施意见 sets a term for a rating; three years is the term of QMS certificates and of 专精特新 status, the usual cycle of conformity-assessment and recognition results in China. A rating earns points only when valid at some time in the results window."))

  ;; ---- triage 初筛建议

  (param (name triage-recommend-min) (value 75) (min 0) (max 105) (unit "分")
    (text "总分达到此数建议推荐（recommend）。各项最高档的下限之和（不含加分项）为73分：75分即大体每项都进入最高档。")
    (text-en "A total at or above this is triaged 'recommend'. The lowest points of every top band add up to 73 (without the bonus): 75 is about every indicator in its top band."))

  (param (name triage-review-min) (value 45) (min 0) (max 105) (unit "分")
    (text "总分达到此数、未达推荐线的建议复核（review）；低于此数建议不推荐（reject）。各项中间档的得分范围合计为37-62分，45分约在其三分之一处：大多处于中间档的申报交评审人复核，大多处于最低档的建议不推荐。")
    (text-en "A total at or above this but below the recommend line is triaged 'review'; below it, 'reject'. The middle bands of all indicators add up to 37-62 points; 45 is a third of the way in: an application mostly in middle bands goes to a reviewer, one mostly in the lowest bands is rejected."))

  ;; ---- the review panel (qscore panel collect; read by the panel, not by a rule)

  (param (name panel-trim-min) (value 5) (min 3) (max 100) (unit "人")
    (text "评审组得分：给同一申报同一指标打分的评审人达到此数时，去掉一个最高分和一个最低分后取平均（截尾平均），否则取全部评审人的平均。评审打分通行“去掉一个最高分和一个最低分”；人数太少时去掉两人会丢掉过多信息，五人去掉两人仍留三人，故默认五人。")
    (text-en "The panel score: when at least this many reviewers scored a submission's indicator, one highest and one lowest are dropped and the rest averaged (trimmed mean); with fewer, all are averaged. Dropping the highest and the lowest score (去掉一个最高分和一个最低分) is the usual rule of Chinese panels; with few reviewers dropping two loses too much, and five leaves three after the trim, hence the default of five."))

  ;; ---- limits of one run (protect a batch from a runaway rule or a huge file)

  (param (name max-input-mb) (value 64) (min 1) (max 4096) (unit "MiB")
    (text "单个申报文件的最大字节数（MiB）。超过即拒收该文件，其余文件照常评分。")
    (text-en "Largest accepted submission file, in MiB. A larger file is refused; the rest of a batch is scored as usual."))

  (param (name max-elements) (value 100000) (min 100) (max 100000000) (unit "个")
    (text "单个申报文件的最多元素个数，解析时计数，超过即停止解析并拒收该文件。最大的样例约有500个元素；100000个元素的树约占数十MiB内存，再多就可能拖垮批量评分。")
    (text-en "Most elements in one submission, counted while parsing; past it the parse stops and the file is refused. The largest sample has about 500 elements; a tree of 100000 takes tens of MiB, and more could starve a batch."))

  (param (name max-evidence) (value 10000) (min 10) (max 10000000) (unit "项")
    (text "单个申报文件中带编号（id）的条目（企业和各项证据）的最多个数，解析时计数，超过即拒收。真实申报一般在数十到数百项。规则的工作量与条目数成正比（没有规则两两比较同一类条目），上万项也只需约一秒；限制它是为了让批量评分的内存和时间有界，上万项的文件也不会是真实申报。")
    (text-en "Most items with an id (enterprises and evidence) in one submission, counted while parsing; past it the file is refused. Real applications list tens to hundreds. The rules' work grows in proportion to the items (no rule compares every pair of items of one kind), about a second for ten thousand; the limit keeps a batch's memory and time bounded, and ten thousand items would never be a real application."))

  (param (name max-attributes) (value 64) (min 16) (max 100000) (unit "个")
    (text "单个元素（开始标签）的最多属性个数，命名空间声明也算，解析前对全文计数，超过即拒收。申报格式的元素最多有9个属性，根元素另有几个命名空间声明；64个给导出工具添加的声明留足余地。libxml2 解析时把每个属性与之前的每个属性比对，200000个属性的根元素要解析数分钟，64个只需约两千次比对。")
    (text-en "Most attributes of one element (start tag), namespace declarations included, counted over the whole text before it is parsed; past it the file is refused. The submission format gives an element at most 9 attributes, and the root a few namespace declarations; 64 leaves room for declarations that exporting tools add. libxml2 compares each attribute with every earlier one while parsing: a root with 200000 attributes took minutes, 64 take about two thousand comparisons."))

  (param (name run-max-firings) (value 5000000) (min 1000) (max 1000000000) (unit "次")
    (text "一次评分中规则触发次数的上限。没有规则两两比较同一类条目，一条规则对每个事实至多触发约一次，真实申报远低于此数（样例只需几百次）。达到上限时：若某一条规则的触发次数多于运行开始时的事实数，是规则在循环，属规则错误（退出码3）；否则是文件超出了限制，该文件不评分（退出码1，批量评分记入 errors.csv，类别 limit），其余照常。")
    (text-en "Cap on rule firings for one submission. No rule compares every pair of items of one kind, so a rule fires at most about once per fact and real applications stay far below the cap (the samples need a few hundred). At the cap: if one rule fired more times than there were facts when the run began, the rules loop, a rules error (exit 3); otherwise the file is beyond the limit and is not scored (exit 1, kind limit in a batch's errors.csv), the rest go on."))

  (param (name batch-file-seconds) (value 120.0) (min 1.0) (max 86400.0) (unit "秒")
    (text "批量评分时单个文件的总时限（解析、导入、规则运行）；超过即终止该评分进程，该文件记入 errors.csv，其余照常。")
    (text-en "In a batch, the wall-clock limit for one file (parsing, import, rules); past it the worker is killed, the file listed in errors.csv, the rest go on."))

  (param (name run-seconds) (value 20) (min 1) (max 3600) (unit "秒")
    (text "一次评分的规则运行时限。到时限时：若一次触发就占去了至少一半时间，是规则的动作在循环，属规则错误（退出码3）；否则时间花在许多次触发上，是文件超出了限制，该文件不评分（退出码1，批量评分记入 errors.csv，类别 limit），其余照常。")
    (text-en "Time limit for running the rules on one submission. At the limit: if a single firing had taken at least half of it, a rule loops inside its actions, a rules error (exit 3); otherwise the time went to many firings and the file is beyond the limit: not scored (exit 1, kind limit in a batch's errors.csv), the rest go on."))
)
