using System.Globalization;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.People.ExportPeople;

internal sealed class ExportPeopleQueryHandler(ILtcDbContext db, ITableFileWriter files) : IRequestHandler<ExportPeopleQuery, ExportedFile>
{
    private static readonly string[] Header =
        ["姓名/name", "身份证号码(脱敏)/ID number (masked)", "性别/sex", "出生日期/birth date", "所在地区/region", "医保类型/insurance"];

    public async Task<ExportedFile> Handle(ExportPeopleQuery request, CancellationToken cancellationToken)
    {
        var people = await PeopleProjection.SummariesAsync(db,
            PeopleSearch.InListOrder(PeopleSearch.Apply(db.InsuredPeople.AsNoTracking(), request.Text)), cancellationToken);
        var rows = people.Select(p => new object[]
        {
            p.Name, p.MaskedIdNumber, p.Sex == Sex.Male ? "男" : "女",
            p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.RegionCode,
            MedicalInsuranceSchemes.Terms[p.MedicalInsurance].ShortName,
        });
        return await files.WriteAsync("参保人员", new ExportTable("参保人员", Header, rows), request.Format, cancellationToken);
    }
}
