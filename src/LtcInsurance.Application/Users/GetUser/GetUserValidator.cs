using FluentValidation;

namespace LtcInsurance.Application.Users.GetUser;

internal sealed class GetUserValidator : AbstractValidator<GetUserQuery>
{
    public GetUserValidator() => UserIdRule.Apply(this, r => r.UserId);
}
