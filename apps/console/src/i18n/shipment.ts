/**
 * The operator's shipment of the released product to the treatment site (发运至医疗机构): the
 * courier, the validated shipper (运输容器) and the data logger (温度记录仪) that travels with it.
 */
export const shipmentZhCN = {
  title: '发运至医疗机构',
  shippedAt: '发运时间',
  courier: '承运人',
  shipperId: '运输容器（经确认的运输配置）',
  loggerId: '扫描温度记录仪编号',
  submit: '记录发运',
  recorded: '已发运',
  recordedAt: '发运记录时间',
};

export const shipmentEn: typeof shipmentZhCN = {
  title: 'Ship to the treatment site',
  shippedAt: 'Shipped at',
  courier: 'Courier',
  shipperId: 'Shipper (validated shipping configuration)',
  loggerId: 'Scan the data logger id',
  submit: 'Record the shipment',
  recorded: 'Shipped',
  recordedAt: 'Shipment recorded at',
};
