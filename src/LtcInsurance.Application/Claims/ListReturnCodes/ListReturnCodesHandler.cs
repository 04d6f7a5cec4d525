using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Domain.Claims;

namespace LtcInsurance.Application.Claims.ListReturnCodes;

internal sealed class ListReturnCodesHandler : IRequestHandler<ListReturnCodesQuery, IReadOnlyList<ReturnCodeView>>
{
    public Task<IReadOnlyList<ReturnCodeView>> Handle(ListReturnCodesQuery request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReturnCodeView>>([.. ClaimReturnCodes.All.Select(ClaimViews.Code)]);
}
