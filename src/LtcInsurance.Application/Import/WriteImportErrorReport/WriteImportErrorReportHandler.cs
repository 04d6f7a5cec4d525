using System.Text;
using LtcInsurance.Application.Common.Auditing;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Import.GetImportErrors;

namespace LtcInsurance.Application.Import.WriteImportErrorReport;

internal sealed class WriteImportErrorReportHandler(ILtcDbContext db, IAuditTrail audit) : IRequestHandler<WriteImportErrorReportQuery, int>
{
    public async Task<int> Handle(WriteImportErrorReportQuery request, CancellationToken cancellationToken)
    {
        var errors = await GetImportErrorsHandler.ErrorsAsync(db, request.JobId, cancellationToken);
        await using var writer = new StreamWriter(request.Output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        writer.NewLine = "\r\n";
        await writer.WriteLineAsync("行号,列,错误信息");
        foreach (var error in errors)
            await writer.WriteLineAsync($"{error.Row},{Csv(error.Column)},{Csv(error.Message)}");
        await writer.FlushAsync(cancellationToken);
        // the report quotes the refused rows (names, ID numbers): personal data leaving the system
        audit.Exported("import.errors", "Csv", errors.Count, new { request.JobId });
        return errors.Count;
    }

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
