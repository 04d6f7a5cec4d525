using FluentValidation;

namespace LtcInsurance.Application.Dashboard.GetDashboardFigures;

/// <summary>Nothing to check: the request has no parameters (every request has a validator, by convention).</summary>
internal sealed class GetDashboardFiguresQueryValidator : AbstractValidator<GetDashboardFiguresQuery>;
