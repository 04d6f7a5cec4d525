using FluentValidation;

namespace LtcInsurance.Application.Policies.ListPolicyParameters;

/// <summary>The query carries nothing to check: the tenant is the signed-in user's, never a field of the request.</summary>
internal sealed class ListPolicyParametersValidator : AbstractValidator<ListPolicyParametersQuery>;
