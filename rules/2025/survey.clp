;;; survey.clp -- 开展产业质量状况调查 (8分), section 质量举措 (measures).
;;;
;;; Official wording (rules/2025/01-rubric.clp):
;;;   6-8  深入分析并准确把握产业重大质量问题及质量提升目标、路径，研究产业发展质量指标，形成产业质量
;;;        图谱、产业质量状况报告等调查成果。
;;;   3-5  探索绘制产业质量图谱、形成产业质量状况报告，但产业重大质量问题的研判还不够成熟和精准。
;;;   1-2  未开展系统的产业质量状况调查工作。
;;;
;;; How the scorer reads it (docs/POLICY.md §3.2, "survey"):
;;;  - 6-8, four conditions: a list of major quality problems with at least survey-problems-min
;;;    problems (准确把握 needs the problems named); targets and paths (a target plan); an
;;;    indicator system (产业发展质量指标); and a survey result: a quality map or a status report.
;;;  - 3-5: a quality map or a status report.
;;;  - 1-2 describes absence: no systematic survey earns it (docs/POLICY.md §4, item 3), decided again
;;;    under best fit (issue 13): "未开展系统的产业质量状况调查工作" is the description that best
;;;    fits an application with no survey at all, so every submission reaches at least 1-2 (its
;;;    condition is always held; the effort path of 03-decide.clp is never needed here). A
;;;    partial survey (a problem list, a target plan or an indicator system without map or
;;;    report) places it at 2.
;;;  - Placement in 6-8: both a map and a report; an indicator system of at least
;;;    survey-indicators-many indicators. In 3-5: each condition of 6-8 that holds.

(defmodule SURVEY (import MAIN ?ALL))

(deffacts SURVEY::definitions
  (condition (indicator survey) (level 3) (id major-problems)
    (text "准确把握产业重大质量问题：有重大质量问题清单，列明至少参数 survey-problems-min（{survey-problems-min}）个问题")
    (text-en "major quality problems judged: a problem list naming at least parameter survey-problems-min ({survey-problems-min}) problems"))
  (condition (indicator survey) (level 3) (id targets-paths)
    (text "质量提升目标、路径：准确把握质量提升目标、路径，有目标与路径文件")
    (text-en "improvement targets and paths judged accurately: a target plan"))
  (condition (indicator survey) (level 3) (id indicators-studied)
    (text "研究产业发展质量指标：有质量指标体系") (text-en "industry quality indicators studied: an indicator system"))
  (condition (indicator survey) (level 3) (id survey-results)
    (text "形成产业质量图谱、产业质量状况报告等调查成果") (text-en "survey results: a quality map or a quality status report"))
  (condition (indicator survey) (level 2) (id map-or-report)
    (text "探索绘制产业质量图谱、形成产业质量状况报告：有产业质量图谱或产业质量状况报告（任一即可）")
    (text-en "a quality map or a quality status report"))
  (condition (indicator survey) (level 1) (id no-systematic-survey)
    (text "未开展系统的产业质量状况调查工作：本档描述的即是这种情况，任何申报都至少达到")
    (text-en "no systematic survey (the band describes exactly that; every application reaches it)"))

  (factor-def (indicator survey) (level 3) (id map-and-report) (points 1)
    (text "既有质量图谱又有质量状况报告") (text-en "both a quality map and a status report"))
  (factor-def (indicator survey) (level 3) (id many-indicators) (points 1)
    (text "质量指标体系达到参数 survey-indicators-many（{survey-indicators-many}）项指标")
    (text-en "an indicator system of at least parameter survey-indicators-many ({survey-indicators-many}) indicators"))
  (factor-def (indicator survey) (level 2) (id partly-problems) (condition major-problems)
    (text "部分达到上一档：重大质量问题清单") (text-en "partly the next band: a problem list"))
  (factor-def (indicator survey) (level 2) (id partly-targets) (condition targets-paths)
    (text "部分达到上一档：目标与路径") (text-en "partly the next band: targets and paths"))
  (factor-def (indicator survey) (level 2) (id partly-indicators) (condition indicators-studied)
    (text "部分达到上一档：质量指标体系") (text-en "partly the next band: an indicator system"))
  (factor-def (indicator survey) (level 1) (id partial-survey)
    (text "有部分调查工作（问题清单、目标路径或指标体系），但无图谱或报告")
    (text-en "part of a survey (problem list, targets or indicators) but no map or report")))

(defrule SURVEY::survey-problem-list
  "深入分析并准确把握产业重大质量问题"
  (param (name survey-problems-min) (value ?min))
  (problem-list (id ?id) (title ?t) (problems ?n) (date ?d))
  =>
  (if (>= ?n ?min) then
    (assert (held (indicator survey) (condition major-problems) (rule survey-problem-list) (evidence ?id)
      (msg survey-problem-list) (args ?t ?d ?n ?min survey-problems-min)))
   else
    (assert (excluded (indicator survey) (evidence ?id) (rule survey-problem-list)
      (msg survey-problem-list.too-few) (args ?t ?n ?min survey-problems-min)))))

(defrule SURVEY::survey-targets
  "质量提升目标、路径"
  (target-plan (id ?id) (title ?t) (date ?d))
  =>
  (assert (held (indicator survey) (condition targets-paths) (rule survey-targets) (evidence ?id)
    (msg survey-targets) (args ?t ?d))))

(defrule SURVEY::survey-indicators
  "研究产业发展质量指标"
  (param (name survey-indicators-many) (value ?many))
  (indicator-system (id ?id) (title ?t) (indicators ?n) (date ?d))
  =>
  (assert (held (indicator survey) (condition indicators-studied) (rule survey-indicators) (evidence ?id)
    (msg survey-indicators) (args ?t ?n ?d)))
  (if (>= ?n ?many) then
    (assert (factor (indicator survey) (id many-indicators) (rule survey-indicators) (evidence ?id)
      (msg survey-indicators.many) (args ?t ?n ?many survey-indicators-many)))))

(defrule SURVEY::survey-map-or-report
  "形成产业质量图谱、产业质量状况报告等调查成果"
  (or (quality-map (id ?id) (title ?t) (date ?d))
      (status-report (id ?id) (title ?t) (date ?d)))
  =>
  (assert (held (indicator survey) (condition survey-results) (rule survey-map-or-report) (evidence ?id)
    (msg survey-map-or-report) (args ?t ?d)))
  (assert (held (indicator survey) (condition map-or-report) (rule survey-map-or-report) (evidence ?id)
    (msg survey-map-or-report) (args ?t ?d))))

(defrule SURVEY::survey-map-and-report
  "Both a quality map and a status report. One factor citing every map and every report: a
   factor per pair would grow with maps times reports (2,000 of each were 4 million facts)."
  (exists (quality-map))
  (exists (status-report))
  =>
  (bind ?maps (find-all-facts ((?m quality-map)) TRUE))
  (bind ?reports (find-all-facts ((?r status-report)) TRUE))
  (bind ?mt (slot-values$ ?maps title))
  (bind ?rt (slot-values$ ?reports title))
  ;; The titles as list findings, one id for one title and one for several (English: map, maps).
  (bind ?mf (if (> (length$ ?mt) 1) then (create$ < survey-map-and-report.maps ?mt >)
             else (create$ < survey-map-and-report.map ?mt >)))
  (bind ?rf (if (> (length$ ?rt) 1) then (create$ < survey-map-and-report.reports ?rt >)
             else (create$ < survey-map-and-report.report ?rt >)))
  (assert (factor (indicator survey) (id map-and-report) (rule survey-map-and-report)
    (evidence (slot-values$ ?maps id) (slot-values$ ?reports id))
    (msg survey-map-and-report) (args ?mf ?rf))))

(defrule SURVEY::survey-absent
  "1-2分：未开展系统的产业质量状况调查工作 -- absence earns the lowest band."
  (project (id ?p))
  =>
  (assert (held (indicator survey) (condition no-systematic-survey) (rule survey-absent)
    (msg survey-absent))))

(defrule SURVEY::survey-partial
  "Part of a survey without a map or report."
  (or (problem-list (id ?id) (title ?t))
      (target-plan (id ?id) (title ?t))
      (indicator-system (id ?id) (title ?t)))
  =>
  (assert (factor (indicator survey) (id partial-survey) (rule survey-partial) (evidence ?id)
    (msg survey-partial) (args ?t))))
