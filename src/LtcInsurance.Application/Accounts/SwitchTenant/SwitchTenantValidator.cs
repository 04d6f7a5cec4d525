using FluentValidation;
using LtcInsurance.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Accounts.SwitchTenant;

internal sealed class SwitchTenantValidator : AbstractValidator<SwitchTenantCommand>
{
    public SwitchTenantValidator(ILtcDbContext db) =>
        RuleFor(r => r.TenantId!)
            .MustAsync((id, cancellationToken) => db.Tenants.AsNoTracking().AnyAsync(t => t.Id == id, cancellationToken))
            .When(r => !string.IsNullOrEmpty(r.TenantId))
            .WithMessage(r => $"城市「{r.TenantId}」不存在。");
}
