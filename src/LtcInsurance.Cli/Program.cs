Console.WriteLine("ltc");
