using System.Globalization;
using LtcInsurance.Application.Common.Auditing;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Auditing.ExportAuditEvents;

internal sealed class ExportAuditEventsHandler(ILtcDbContext db, ITableFileWriter files, IAuditTrail audit)
    : IRequestHandler<ExportAuditEventsQuery, ExportedFile>
{
    private static readonly string[] Header =
    [
        "时间/time", "类别/kind", "操作/action", "结果/outcome", "用户/user", "来源地址/client address", "API 密钥/API key",
        "对象类型/entity type", "对象编号/entity id", "请求/request", "变更前/before", "变更后/after", "行数/rows", "说明/message",
    ];

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public async Task<ExportedFile> Handle(ExportAuditEventsQuery request, CancellationToken cancellationToken)
    {
        var events = await request.Filter.Apply(db.Set<AuditEvent>().AsNoTracking())
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Take(ExportAuditEventsQuery.MaxRows).ToListAsync(cancellationToken);
        var table = new ExportTable("审计日志", Header, events.Select(e => new object[]
        {
            e.OccurredAt.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            AuditKinds.ChineseName(e.Kind), e.Action, AuditOutcomes.ChineseName(e.Outcome), e.UserName, e.ClientAddress ?? "",
            e.ApiKeyId ?? "", e.EntityType ?? "", e.EntityId ?? "", e.Request ?? "", e.BeforeValue ?? "", e.AfterValue ?? "",
            e.RowCount?.ToString(CultureInfo.InvariantCulture) ?? "", e.Message ?? "",
        }));
        audit.Exported("audit-events", request.Format.ToString(), events.Count, request.Filter);
        return await files.WriteAsync("审计日志", table, request.Format, cancellationToken);
    }
}
