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

  ;; ---- standards 标准提档

  (param (name standards-any-enterprise) (value 0) (min 0) (max 1) (unit "开关")
    (text "评价要求写明“链上主要企业”。0：只计链主企业和关键合作方（主要企业）参与的标准；1：链上任何企业参与的标准均计入。")
    (text-en "The rubric says 'the chain's main enterprises'. 0: count only standards of chain-leader firms and key partners (the main enterprises); 1: count standards of any enterprise on the chain."))

  (param (name standards-count-approved) (value 0) (min 0) (max 1) (unit "开关")
    (text "已立项但尚未发布的标准是否计入。默认不计：质量成效按已取得的成果评价，未发布的标准尚不是成果。")
    (text-en "Whether a standard approved as a project but not yet published counts. Default no: results are judged on what has been achieved, and an unpublished standard is not yet a result."))

  (param (name standards-many) (value 3) (min 1) (max 1000) (unit "项")
    (text "3-5分档“推动行业形成较完善的标准化体系”：主要企业参与的行业、团体、地方标准达到此数，在档内加分。3项即覆盖产品、方法、管理等不同方面，足以称为体系的雏形。")
    (text-en "Band 3-5, 'a fairly complete standards system': this many industry, group or local standards of the main enterprises places the score higher in the band. Three standards already cover different aspects (product, method, management), the beginning of a system."))

  (param (name standards-declaring-enterprises) (value 2) (min 1) (max 1000) (unit "家")
    (text "1-2分档“链上主要企业积极开展企业标准自我声明公开”：开展自我声明公开的主要企业达到此数，在档内加分。“主要企业”为复数，故取2家。")
    (text-en "Band 1-2, 'the main enterprises actively self-declare': this many distinct main enterprises with self-declared standards places the score higher in the band. The rubric speaks of enterprises in the plural, hence two."))

  ;; ---- brand 品牌建设

  (param (name brand-cluster-enterprises) (value 2) (min 1) (max 1000) (unit "家")
    (text "“品牌集群效应”：获得本档或更高档荣誉的不同企业达到此数，在档内加分。集群至少需要两家企业。")
    (text-en "'Brand-cluster effect': this many distinct enterprises holding honours of the band or above places the score higher in the band. A cluster needs at least two enterprises."))

  ;; ---- capability 制造业企业质量管理能力等级

  (param (name capability-require-document) (value 1) (min 0) (max 1) (unit "开关")
    (text "评价要求须“提供由第三方专业机构出具的评价报告或工信部公布的评级信息”。1：声称的第三方报告或工信部公布信息须附文件引用（<doc>），否则不计分；0：只看声明的证明方式。")
    (text-en "The rubric requires the third-party report or MIIT's published rating to be provided. 1: a claimed report or publication must come with a document reference (<doc>) or it earns nothing; 0: the declared kind of proof is enough."))

  ;; ---- triage 初筛建议

  (param (name triage-recommend-min) (value 75) (min 0) (max 105) (unit "分")
    (text "总分达到此数建议推荐（recommend）。75分约为各项均达到中档上部、部分达到高档。")
    (text-en "A total at or above this is triaged 'recommend'. 75 is roughly the upper part of the middle band everywhere and the top band in some indicators."))

  (param (name triage-review-min) (value 60) (min 0) (max 105) (unit "分")
    (text "总分达到此数、未达推荐线的建议复核（review）；低于此数建议不推荐（reject）。60分是常用的及格线。")
    (text-en "A total at or above this but below the recommend line is triaged 'review'; below it, 'reject'. 60 is the usual pass mark."))

  ;; ---- limits of one run (protect a batch from a runaway rule or a huge file)

  (param (name max-input-mb) (value 64) (min 1) (max 4096) (unit "MiB")
    (text "单个申报文件的最大字节数（MiB）。超过即拒收该文件，其余文件照常评分。")
    (text-en "Largest accepted submission file, in MiB. A larger file is refused; the rest of a batch is scored as usual."))

  (param (name run-max-firings) (value 5000000) (min 1000) (max 1000000000) (unit "次")
    (text "一次评分中规则触发次数上限；超过视为规则错误（死循环）。")
    (text-en "Cap on rule firings for one submission; hitting it is treated as a rules error (a loop)."))

  (param (name run-seconds) (value 20) (min 1) (max 3600) (unit "秒")
    (text "一次评分的规则运行时限；超过视为规则错误。")
    (text-en "Time limit for running the rules on one submission; exceeding it is treated as a rules error."))
)
