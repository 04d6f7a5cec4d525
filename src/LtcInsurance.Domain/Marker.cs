namespace LtcInsurance.Domain; public static class Marker {}
