using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Providers.ListServiceItems;

namespace LtcInsurance.Application.Providers.ExportServiceItems;

internal sealed class ExportServiceItemsQueryHandler(ILtcDbContext db, ITableFileWriter files, TimeProvider clock)
    : IRequestHandler<ExportServiceItemsQuery, ExportedFile>
{
    public async Task<ExportedFile> Handle(ExportServiceItemsQuery request, CancellationToken cancellationToken)
    {
        var day = request.AsOf ?? PlausibleDates.Today(clock);
        var items = await ListServiceItemsQueryHandler.ItemsAsync(db, day, null, cancellationToken);
        var rows = items.Select(i => new object[]
        {
            i.Code, i.Name, i.Category, i.Unit, i.Price is { } price ? price : "", i.RequiredQualification ?? "", i.NationalCode ?? "", i.NationalMapping ?? "",
        });
        return await files.WriteAsync($"服务项目目录_{day:yyyyMMdd}", new ExportTable("服务项目目录", ServiceCatalogueFile.Header, rows),
            request.Format, cancellationToken);
    }
}
