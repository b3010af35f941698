"""Layer 4, present: what people see. Chart style and charts by topic, the chart registry
(the one module here that loads data for charts), tables laid out for reading, sentences
for notebooks, and the HTML report."""
