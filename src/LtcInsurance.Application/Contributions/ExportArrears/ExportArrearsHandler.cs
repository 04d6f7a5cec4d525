using LtcInsurance.Application.Common.Auditing;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Contributions.ListArrears;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LtcInsurance.Application.Contributions.ExportArrears;

/// <summary>Writes the file and records (log) who exported how many arrears of which tenant and period.</summary>
internal sealed class ExportArrearsHandler(
    ILtcDbContext db, ITableFileWriter files, ICurrentUser user, IAuditTrail audit, ILogger<ExportArrearsHandler> logger)
    : IRequestHandler<ExportArrearsQuery, ExportedFile>
{
    private static readonly string[] Header = ["姓名/name", "期间/period", "个人应缴/individual due", "已缴/paid", "欠费/outstanding"];

    public async Task<ExportedFile> Handle(ExportArrearsQuery request, CancellationToken cancellationToken)
    {
        var rows = await ArrearsQuery.Of(db, request.Period)
            .OrderBy(r => r.Period).ThenBy(r => r.Name).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var selected = string.IsNullOrWhiteSpace(request.Period) ? null : request.Period.Trim();
        var table = new ExportTable("欠费名单", Header,
            rows.Select(a => new object[] { a.Name, a.Period, a.IndividualDue, a.Paid, a.IndividualDue - a.Paid }));
        var file = await files.WriteAsync("欠费名单" + (selected is null ? "" : "_" + selected), table, request.Format, cancellationToken);
        // Names with what they owe are personal data: every export is on record (who, what, how many rows).
        audit.Exported("arrears", file.Format.ToString(), rows.Count, new { Period = selected });
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation(
                "Personal data export {Export} ({Format}) of {RowCount} arrears by {UserName} in tenant {TenantId}, period {Period}",
                "arrears", file.Format, rows.Count, user.Name(), db.CurrentTenantId, selected ?? "all");
        }

        return file;
    }
}
