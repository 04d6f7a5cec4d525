using LtcInsurance.Application.Common.Auditing;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Supervision.ExportFlags;

internal sealed class ExportFlagsHandler(ILtcDbContext db, ITableFileWriter files, IAuditTrail audit, TimeProvider clock) : IRequestHandler<ExportFlagsQuery, ExportedFile>
{
    private static readonly string[] Header =
        ["规则编码 / rule", "规则 / rule name", "状态 / status", "申报单 / claim", "明细行 / line", "服务机构 / provider", "服务月份 / month",
         "对象类型 / subject", "对象 / subject id", "来源 / source", "发现时间 / found at", "依据 / clause", "证据 / evidence"];

    public async Task<ExportedFile> Handle(ExportFlagsQuery request, CancellationToken cancellationToken)
    {
        var flags = FlagQueries.Filtered(db, request.Filter);
        var rows = await FlagQueries.Rows(db, flags).Take(ExportFlagsValidator.MaxRows).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var details = await flags.Where(f => ids.Contains(f.Id)).Select(f => new { f.Id, f.Clause, f.Evidence }).ToDictionaryAsync(f => f.Id, cancellationToken);
        var table = rows.Select(FlagQueries.Named).Select(r => new object[]
        {
            r.RuleCode, r.RuleName, r.StatusName, r.ClaimNumber ?? "", r.LineNo is { } line ? line : "", r.ProviderName ?? "",
            r.ServiceMonth is { } month ? month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : "", r.SubjectKind,
            r.SubjectId.ToString(), FlagQueries.SourceName(r.Source), r.CreatedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            details[r.Id].Clause, details[r.Id].Evidence,
        });
        // flags name claims, providers and the people they concern (subject ids, evidence)
        audit.Exported("supervision.flags", request.Format.ToString(), rows.Count, request.Filter);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        return await files.WriteAsync($"监管疑点_{today:yyyyMMdd}", new ExportTable("监管疑点", Header, table), request.Format, cancellationToken);
    }
}
