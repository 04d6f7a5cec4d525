using FluentValidation;

namespace LtcInsurance.Application.Tenants.ListTenants;

/// <summary>Nothing to check: the query has no values.</summary>
internal sealed class ListTenantsValidator : AbstractValidator<ListTenantsQuery>;
