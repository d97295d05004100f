/**
 * The hospital's screens after release (issue 14): receipt at site, the instructions for use,
 * the bedside two-person check before the infusion (回输), and the notification feed. Chinese
 * as the guideline words it: 使用说明书, 偏差, 召回, 放行, 供者唯一编号.
 */
export const siteZhCN = {
  receipt: {
    title: '医疗机构接收产品',
    receivedAt: '接收时间',
    labelScan: '扫描产品标签（供者唯一编号）',
    outerPackagingIntact: '外包装完好',
    containerIntact: '产品袋（容器）完好',
    labelPresent: '标签在位',
    labelLegible: '标签清晰可读',
    note: '检查说明（任一项不合格时必填）',
    onHold: '检查不合格：接收后产品将被暂停使用，启动紧急情况处理（QA-04）',
    submit: '记录接收',
  },
  thaw: {
    title: '产品复苏（解冻）',
    startedAt: '开始复苏时间',
    completedAt: '复苏完成时间',
    bathTemperatureC: '水浴温度（°C）',
    methodNote: '复苏方法（按使用说明书）',
    submit: '记录复苏',
  },
  ifu: {
    title: '使用说明书',
    version: '产品 {{product}} · 质量标准第 {{version}} 版',
    download: '下载使用说明书（PDF）',
    acknowledge: '确认已收到使用说明书',
    acknowledged: '{{by}} 已确认收到使用说明书',
    requiredBeforeInfusion: '回输前须确认已收到随产品运输的使用说明书（OTH-01）',
  },
  infusion: {
    title: '床旁双人核对与回输记录',
    intro: '两名临床人员各自扫描产品标签和患者编号；扫描枪回车后自动跳到下一项（OTH-02）。',
    first: '第一核对人：{{username}}',
    second: '第二核对人',
    clinician: '第二核对人用户名',
    labelScan: '扫描产品标签（供者唯一编号）',
    patientReference: '扫描患者编号（腕带）',
    infusedAt: '回输开始时间',
    infusionEndedAt: '回输结束时间',
    volumeMl: '回输量（mL）',
    dose: '剂量',
    doseUnit: '剂量单位',
    doseUnitExample: '例如 10^6 CAR-T 细胞/kg',
    administeredBy: '实施回输的人员',
    submit: '记录回输',
    waitsForInstructions: '确认收到使用说明书后才能记录回输（OTH-01）。',
  },
};

export const siteEn: typeof siteZhCN = {
  receipt: {
    title: 'Receipt of the product at the site',
    receivedAt: 'Received at',
    labelScan: 'Scan the product label (donor unique code)',
    outerPackagingIntact: 'Outer packaging intact',
    containerIntact: 'Bag (container) intact',
    labelPresent: 'Label present',
    labelLegible: 'Label legible',
    note: 'Inspection note (required when an item fails)',
    onHold: 'Inspection failed: once received the product is on hold as an emergency (QA-04)',
    submit: 'Record the receipt',
  },
  thaw: {
    title: 'Thawing of the product',
    startedAt: 'Thawing started at',
    completedAt: 'Thawing completed at',
    bathTemperatureC: 'Water bath temperature (°C)',
    methodNote: 'Method (as the instructions for use say)',
    submit: 'Record the thaw',
  },
  ifu: {
    title: 'Instructions for use',
    version: 'Product {{product}} · specification version {{version}}',
    download: 'Download the instructions for use (PDF)',
    acknowledge: 'Acknowledge receipt of the instructions for use',
    acknowledged: '{{by}} acknowledged receipt of the instructions for use',
    requiredBeforeInfusion:
      'Acknowledge the instructions for use that travelled with the product ' +
      'before the infusion (OTH-01)',
  },
  infusion: {
    title: 'Bedside two-person check and infusion record',
    intro:
      "Each of two clinicians scans the product label and the patient's reference; " +
      "the scanner's Enter moves to the next field (OTH-02).",
    first: 'First clinician: {{username}}',
    second: 'Second clinician',
    clinician: "Second clinician's username",
    labelScan: 'Scan the product label (donor unique code)',
    patientReference: "Scan the patient's reference (wristband)",
    infusedAt: 'Infusion started at',
    infusionEndedAt: 'Infusion ended at',
    volumeMl: 'Volume infused (mL)',
    dose: 'Dose',
    doseUnit: 'Dose unit',
    doseUnitExample: 'e.g. 10^6 CAR-T cells/kg',
    administeredBy: 'Administered by',
    submit: 'Record the infusion',
    waitsForInstructions:
      'The infusion can be recorded once receipt of the instructions for use ' +
      'is acknowledged (OTH-01).',
  },
};

export const notificationsZhCN = {
  title: '通知',
  menu: '通知',
  unacknowledgedOnly: '只看未确认',
  refresh: '刷新',
  more: '加载更早的通知',
  acknowledge: '确认',
  acknowledged: '{{by}} 已确认',
  overdue: '已逾期',
  occurredAt: '发生时间',
  donorCode: '供者唯一编号',
  message: '内容',
  level: '级别',
  severity: { info: '信息', attention: '注意', urgent: '紧急' },
  messages: {
    'training-due': '{{username}} 的 {{operation}} 培训将于 {{expiresOn}} 到期，请重新考核并续期',
    'deviation-raised':
      '批次 {{batchNumber}} 发生偏差 {{deviationId}}（{{rule}}）：{{description}}',
    'material-received-at-factory': '工厂已接收供者材料',
    'material-released': '供者材料已放行用于生产',
    'material-rejected': '供者材料被拒收：{{reason}}',
    'batch-rejected-in-production': '批次在生产中被拒绝：{{reason}}',
    'batch-remanufacture-approved': '已批准重新生产：{{reason}}',
    'batch-released': '产品已放行',
    'batch-rejected': '产品不予放行：{{reason}}',
    'release-voided': '批次 {{batchNumber}} 的放行已撤销，不得使用：{{description}}',
    'product-shipped': '产品已由 {{courier}} 发运（{{shippedAt}}）',
    'adverse-reaction-reported': '已报告不良反应：{{description}}',
    'product-recalled': '产品已召回（{{recallId}}，{{classification}} 级），不得使用：{{reason}}',
    'journey-cancelled': '旅程已取消：{{reason}}',
    unknown: '通知（{{messageCode}}）',
  },
};

export const notificationsEn: typeof notificationsZhCN = {
  title: 'Notifications',
  menu: 'Notifications',
  unacknowledgedOnly: 'Unacknowledged only',
  refresh: 'Refresh',
  more: 'Load older notifications',
  acknowledge: 'Acknowledge',
  acknowledged: 'Acknowledged by {{by}}',
  overdue: 'Overdue',
  occurredAt: 'Occurred at',
  donorCode: 'Donor unique code',
  message: 'Message',
  level: 'Severity',
  severity: { info: 'Information', attention: 'Attention', urgent: 'Urgent' },
  messages: {
    'training-due':
      "{{username}}'s training for {{operation}} expires on {{expiresOn}}: reassess and renew it",
    'deviation-raised':
      'Deviation {{deviationId}} on batch {{batchNumber}} ({{rule}}): {{description}}',
    'material-received-at-factory': 'The factory received the donor material',
    'material-released': 'The donor material was released to production',
    'material-rejected': 'The donor material was rejected: {{reason}}',
    'batch-rejected-in-production': 'The batch was rejected in production: {{reason}}',
    'batch-remanufacture-approved': 'The batch will be made again: {{reason}}',
    'batch-released': 'The product was released',
    'batch-rejected': 'The product was not released: {{reason}}',
    'release-voided':
      'The release of batch {{batchNumber}} was withdrawn; do not use it: {{description}}',
    'product-shipped': 'The product was shipped by {{courier}} ({{shippedAt}})',
    'adverse-reaction-reported': 'An adverse reaction was reported: {{description}}',
    'product-recalled':
      'The product is recalled ({{recallId}}, class {{classification}}); do not use it: {{reason}}',
    'journey-cancelled': 'The journey was cancelled: {{reason}}',
    unknown: 'Notification ({{messageCode}})',
  },
};
