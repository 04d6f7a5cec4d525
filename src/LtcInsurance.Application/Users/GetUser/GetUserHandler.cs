using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Users.GetUser;

internal sealed class GetUserHandler(ICurrentUser current, IUserDirectory directory, IUserAdministration users, TimeProvider clock)
    : IRequestHandler<GetUserQuery, UserDetail?>
{
    public async Task<UserDetail?> Handle(GetUserQuery request, CancellationToken cancellationToken)
    {
        if (await UserAdmin.TargetAsync(current, directory, users, request.UserId!, cancellationToken) is not { } target)
            return null;
        var history = await users.HistoryAsync(target.TenantId!, target.Id, cancellationToken);
        return new UserDetail(target, target.StatusAt(clock.GetUtcNow()), history);
    }
}
