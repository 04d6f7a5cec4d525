using System.Text;
using LtcInsurance.Application.Common.Auditing;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Import.GetImportChanges;

namespace LtcInsurance.Application.Import.WriteImportChangeReport;

internal sealed class WriteImportChangeReportHandler(ILtcDbContext db, IAuditTrail audit) : IRequestHandler<WriteImportChangeReportQuery, int>
{
    public async Task<int> Handle(WriteImportChangeReportQuery request, CancellationToken cancellationToken)
    {
        var changes = await GetImportChangesHandler.ChangesAsync(db, request.JobId, cancellationToken);
        await using var writer = new StreamWriter(request.Output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        writer.NewLine = "\r\n";
        await writer.WriteLineAsync("姓名,身份证号码,项目,变更前,变更后,说明");
        foreach (var c in changes)
            await writer.WriteLineAsync(string.Join(",", new[] { c.Name, c.IdNumber, c.FieldZh, c.Before ?? "", c.After ?? "", c.Note ?? "" }.Select(Csv)));
        await writer.FlushAsync(cancellationToken);
        audit.Exported("import.changes", "Csv", changes.Count, new { request.JobId });
        return changes.Count;
    }

    // A leading = + - @ would be a formula in a spreadsheet: quoted with an apostrophe.
    private static string Csv(string text)
    {
        if (text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal))
            text = "'" + text;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
