using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Providers;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Providers.ListServiceItems;

internal sealed class ListServiceItemsQueryHandler(ILtcDbContext db, TimeProvider clock)
    : IRequestHandler<ListServiceItemsQuery, IReadOnlyList<ServiceItemView>>
{
    public async Task<IReadOnlyList<ServiceItemView>> Handle(ListServiceItemsQuery request, CancellationToken cancellationToken) =>
        await ItemsAsync(db, request.AsOf ?? PlausibleDates.Today(clock), request.Text, cancellationToken);

    internal static async Task<IReadOnlyList<ServiceItemView>> ItemsAsync(ILtcDbContext db, DateOnly day, string? text, CancellationToken cancellationToken)
    {
        var query = db.Set<ServiceItem>().AsNoTracking().Where(i => i.ValidFrom <= day && (i.ValidTo == null || i.ValidTo >= day));
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            query = query.Where(i => i.Code.Contains(t) || i.Name.Contains(t));
        }

        return await query.OrderBy(i => i.Code)
            .Select(i => new ServiceItemView(i.Id, i.Code, i.Name, i.Category, i.Unit, i.Price, i.RequiredQualification, i.NationalCode,
                i.NationalMapping, i.ValidFrom, i.ValidTo))
            .ToListAsync(cancellationToken);
    }
}
