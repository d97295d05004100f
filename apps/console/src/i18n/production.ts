/**
 * The start of production (开始生产) and the production manager's booking of a batch step in
 * the production calendar (生产日历): the guideline's words, 供者材料, 批生产, 清场, 洁净级别.
 */
export const productionZhCN = {
  start: {
    title: '开始生产',
    intro:
      '扫描已放行供者材料的标签：标签上的供者唯一编号须与本旅程一致（TRC-03），系统按产品质量标准版本对应的已验证工艺规程生成批号和产品标签（PRD-03）。',
    setAside: '留存部分供者材料（批次失败时可用于重新生产）',
    volumeMl: '留存量（mL）',
    container: '留存容器',
    storageLocation: '储存位置',
    labelScan: '扫描供者材料标签',
    scanHint: '用扫码枪扫描标签上的条码，扫描后回车即提交',
    submit: '开始生产',
  },
  booking: {
    title: '预约工序：{{name}}',
    intro: '工序要求：{{operation}}，{{grade}}，{{equipment}}，计划 {{hours}} 小时。',
    operations: { open: '开放操作', closed: '密闭操作' },
    grades: {
      'A-in-B': 'B 级背景下的 A 级',
      'local-A-in-C': 'C 级背景下的局部 A 级',
      C: 'C 级',
      D: 'D 级',
    },
    equipmentClasses: {
      isolator: '隔离器',
      'closed-system': '密闭系统',
      'biosafety-cabinet': '生物安全柜',
      incubator: '培养箱',
      general: '无专用设备',
    },
    culture: '细胞培养工序可与其他密闭培养共用操作间',
    positive: '供者材料带有阳性标志物（{{markers}}）：仅在阳性材料专用区域生产（§9(5)1）',
    notPositive: '供者材料无阳性标志物：在细胞产品生产区域生产（§9(5)1）',
    room: '操作间',
    equipment: '设备',
    integrity: '完整性检查：{{status}}',
    integrityStatuses: {
      current: '有效',
      overdue: '已逾期',
      'never-checked': '从未检查',
      failed: '未通过',
      'not-scheduled': '无需定期检查',
    },
    compartment: '培养箱隔室',
    compartmentHint: '开放操作的细胞培养须单独使用一个隔室（§9(5)6）',
    line: '生产线',
    startsAt: '开始时间',
    endsAt: '结束时间',
    endsAfterStart: '结束时间须晚于开始时间',
    noPlace: '生产设施登记中没有适合此工序的操作间和设备',
    submit: '预约工序',
    booked: '已预约工序 {{step}}：{{place}}，{{from}} – {{to}}',
  },
};

export const productionEn: typeof productionZhCN = {
  start: {
    title: 'Start production',
    intro:
      "Scan the label of the released donor material: it must carry this journey's donor unique code (TRC-03). The system gives the batch its number and product label, on the validated process of the journey's specification version (PRD-03).",
    setAside: 'Set aside a portion of the donor material (for a re-manufacture if the batch fails)',
    volumeMl: 'Volume set aside (mL)',
    container: 'Container of the portion',
    storageLocation: 'Storage location',
    labelScan: 'Scan the donor material label',
    scanHint: "Scan the label's barcode with the scanner; its Enter sends the form",
    submit: 'Start production',
  },
  booking: {
    title: 'Book the step: {{name}}',
    intro: 'The step needs: {{operation}}, {{grade}}, {{equipment}}, {{hours}} h planned.',
    operations: { open: 'open operation', closed: 'closed operation' },
    grades: {
      'A-in-B': 'grade A in a grade B background',
      'local-A-in-C': 'local grade A in a grade C background',
      C: 'grade C',
      D: 'grade D',
    },
    equipmentClasses: {
      isolator: 'an isolator',
      'closed-system': 'a closed system',
      'biosafety-cabinet': 'a biosafety cabinet',
      incubator: 'an incubator',
      general: 'no dedicated equipment',
    },
    culture: 'A cell culture step may share its room with other closed cultures',
    positive:
      'The donor material carries a positive marker ({{markers}}): it is processed only in the positive-material area (§9(5)1)',
    notPositive:
      'The donor material carries no positive marker: it is processed in a cell-product area (§9(5)1)',
    room: 'Room',
    equipment: 'Equipment',
    integrity: 'Integrity check: {{status}}',
    integrityStatuses: {
      current: 'current',
      overdue: 'overdue',
      'never-checked': 'never checked',
      failed: 'failed',
      'not-scheduled': 'not scheduled',
    },
    compartment: 'Incubator compartment',
    compartmentHint: 'An open-system culture needs a compartment of its own (§9(5)6)',
    line: 'Production line',
    startsAt: 'Starts at',
    endsAt: 'Ends at',
    endsAfterStart: 'The end must be after the start',
    noPlace: 'The facility register has no room and equipment this step can run in',
    submit: 'Book the step',
    booked: 'Step {{step}} booked: {{place}}, {{from}} – {{to}}',
  },
};
