using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Reports;

/// <summary>
/// Writes a <see cref="ReportTable"/> as a file: XLSX and CSV through the ledger's table writer (amounts as numbers,
/// formula-like text quoted), PDF as a notice through the PDF renderer (ADR 0006: A4, embedded Chinese font, page numbers).
/// </summary>
internal static class ReportFiles
{
    public static async Task<ReportFile> WriteAsync(ReportTable table, ReportFormat format, string baseName, ITableFileWriter tables,
        INoticeRenderer pdf, ILtcDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case ReportFormat.Xlsx:
                return new ReportFile($"{baseName}.xlsx", ReportFile.Xlsx, await tables.WriteAsync(table.ToExport(), ExportFormat.Xlsx, cancellationToken));
            case ReportFormat.Csv:
                return new ReportFile($"{baseName}.csv", ReportFile.Csv, await tables.WriteAsync(table.ToExport(), ExportFormat.Csv, cancellationToken));
            default:
                var city = await db.Tenants.AsNoTracking().Where(t => t.Id == db.CurrentTenantId).Select(t => t.NameZh).FirstOrDefaultAsync(cancellationToken);
                var issuer = city is null ? "长期护理保险经办机构" : $"{city}长期护理保险经办机构";
                var notice = new Notice(table.Title, city, [
                    new NoticeTable([.. table.Columns.Select(c => c.Split('/')[0])], [.. table.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(ReportTable.Text)])]),
                    .. table.Notes.Select(n => new NoticeParagraph("注：" + n, Indent: false)),
                ], new NoticeSignature(issuer, today, Note: null));
                return new ReportFile($"{baseName}.pdf", ReportFile.Pdf, pdf.RenderPdf(notice));
        }
    }
}
