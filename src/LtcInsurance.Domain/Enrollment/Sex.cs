namespace LtcInsurance.Domain.Enrollment;

public enum Sex
{
    Male,
    Female,
}
