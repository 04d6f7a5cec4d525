using System.Globalization;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Import;
using LtcInsurance.Domain.Providers;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Providers.ImportServiceCatalogue;

internal sealed class ImportServiceCatalogueCommandHandler(
    ILtcDbContext db, IRegisterFileReader reader, ITableFileWriter files, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ImportServiceCatalogueCommand, CatalogueImportResult>
{
    private const int MaxFileBytes = ServiceCatalogueFile.MaxFileBytes;

    public async Task<CatalogueImportResult> Handle(ImportServiceCatalogueCommand request, CancellationToken cancellationToken)
    {
        var tenant = ProviderLookup.Tenant(db);
        if (await TableUpload.ReadAsync(request.File, MaxFileBytes, cancellationToken) is not { } upload)
            return await RefusedAsync([new(0, "", TableUpload.TooLarge(MaxFileBytes))], cancellationToken);
        using var content = upload.Content;
        List<CatalogueRow> rows;
        List<CatalogueRowError> errors;
        try
        {
            (rows, errors) = ServiceCatalogueFile.Read(reader.Rows(content, RegisterFileFormats.Of(request.FileName)!));
        }
        catch (InvalidDataException unreadable)
        {
            return await RefusedAsync([new(0, "", unreadable.Message)], cancellationToken);
        }

        var latest = await db.Set<ServiceCatalogueVersion>().MaxAsync(v => (DateOnly?)v.ValidFrom, cancellationToken);
        var latestItem = await db.Set<ServiceItem>().MaxAsync(i => (DateOnly?)i.ValidFrom, cancellationToken);
        var current = new[] { latest, latestItem }.Max();
        if (current is { } from && request.ValidFrom <= from)
        {
            errors.Insert(0, new(0, "生效日期",
                $"新目录的生效日期 {request.ValidFrom:yyyy-MM-dd} 必须晚于现行目录的生效日期 {from:yyyy-MM-dd}（{ProviderClauses.Catalogue}）"));
        }

        if (errors.Count > 0)
            return await RefusedAsync(errors, cancellationToken);

        var open = await db.Set<ServiceItem>().Where(i => i.ValidTo == null || i.ValidTo >= request.ValidFrom).ToListAsync(cancellationToken);
        var lastDay = request.ValidFrom.AddDays(-1);
        foreach (var item in open)
            item.Close(lastDay);
        foreach (var row in rows)
        {
            db.Set<ServiceItem>().Add(ServiceItem.Create(tenant, row.Code, row.Name, row.Category, row.Unit, row.Price,
                row.RequiredQualification, row.NationalCode, row.NationalMapping, request.ValidFrom));
        }

        var version = ServiceCatalogueVersion.Record(tenant, request.ValidFrom, Path.GetFileName(request.FileName), upload.Sha256, rows.Count,
            user.Name(), clock.GetUtcNow());
        db.Set<ServiceCatalogueVersion>().Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return new CatalogueImportResult(true, rows.Count, open.Count, version.Id, [], null);
    }

    private async Task<CatalogueImportResult> RefusedAsync(List<CatalogueRowError> errors, CancellationToken cancellationToken)
    {
        var table = new ExportTable("错误报告", ["行号/row", "列/column", "问题/problem"],
            errors.Select(e => new object[] { e.Row == 0 ? "文件" : e.Row.ToString(CultureInfo.InvariantCulture), e.Column, e.Message }));
        var report = await files.WriteAsync("服务项目目录导入错误报告", table, ExportFormat.Csv, cancellationToken);
        return new CatalogueImportResult(false, 0, 0, null, errors, report);
    }
}
