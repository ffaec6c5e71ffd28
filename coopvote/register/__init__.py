"""The membership register: reading CSV, XLSX and pasted text, finding the columns, the member model
and the fictional sample register the demo and tests use."""
