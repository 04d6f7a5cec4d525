using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Dashboard.GetDashboardFigures;

/// <summary>The figures of the start page for the user's tenant (none: zeros).</summary>
[AllowAnyUser]
public sealed record GetDashboardFiguresQuery : IRequest<DashboardFigures>;

public sealed record DashboardFigures(int InsuredPeople, int Institutions);
