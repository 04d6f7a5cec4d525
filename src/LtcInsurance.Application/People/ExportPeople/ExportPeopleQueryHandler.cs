using System.Globalization;
using LtcInsurance.Application.Common.Auditing;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Enrollment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LtcInsurance.Application.People.ExportPeople;

/// <summary>Writes the file and records (log) who exported how many people of which tenant, with the search text.</summary>
internal sealed class ExportPeopleQueryHandler(
    ILtcDbContext db, IPeopleIndex index, IStreamingTableWriter files, ICurrentUser user, IAuditTrail audit,
    ILogger<ExportPeopleQueryHandler> logger)
    : IRequestHandler<ExportPeopleQuery, ExportedFile>
{
    private static readonly string[] Header =
        ["姓名/name", "身份证号码(脱敏)/ID number (masked)", "性别/sex", "出生日期/birth date", "所在地区/region", "医保类型/insurance"];

    public async Task<ExportedFile> Handle(ExportPeopleQuery request, CancellationToken cancellationToken)
    {
        var people = PeopleProjection.StreamAsync(db,
            PeopleSearch.InListOrder(PeopleSearch.Apply(db, index, request.Text, request.Status, request.RegionCode)), cancellationToken);
        var (file, count) = await files.WriteAsync("参保人员", new StreamedTable("参保人员", Header, Rows(people)), request.Format,
            request.Target, cancellationToken);
        // Personal information protection: every export of the register is on record (who, what, how many rows).
        audit.Exported("people", file.Format.ToString(), count, new { request.Text, request.Status, request.RegionCode });
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation(
                "Personal data export {Export} ({Format}) of {RowCount} people by {UserName} in tenant {TenantId}, search {SearchText} {Status} {RegionCode}",
                "people", file.Format, count, user.Name(), db.CurrentTenantId, request.Text, request.Status, request.RegionCode);
        }

        return file;
    }

    private static async IAsyncEnumerable<object[]> Rows(IAsyncEnumerable<PersonSummary> people)
    {
        await foreach (var p in people)
        {
            yield return
            [
                p.Name, p.MaskedIdNumber, p.Sex == Sex.Male ? "男" : "女",
                p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.RegionCode,
                MedicalInsuranceSchemes.Terms[p.MedicalInsurance].ShortName,
            ];
        }
    }
}
