"""Short news stories written for these tests. Several name the same people
and organisations in other words ("Lindqvist", "the U.N."), so graphs built
on separate machines must join them when merged."""

STORIES = [
    (
        "acme-chief",
        "Acme Robotics Names New Chief\n\n"
        "STOCKHOLM (Reuters) - Acme Robotics appointed Maria Lindqvist as chief executive on Monday, "
        "the company said. Lindqvist, a former engineer at Volvo, replaces Henrik Berg, who retired "
        "after ten years. Berg founded the company in Gothenburg in 2009.\n\n"
        "Lindqvist said Acme Robotics would open a factory in Poland next year.",
    ),
    (
        "acme-factory",
        "Polish officials welcomed the plan on Tuesday. Lindqvist met Prime Minister Donald Tusk in "
        "Warsaw to discuss the factory, which will employ 800 people. Tusk said the investment showed "
        "confidence in Poland's economy.",
    ),
    (
        "un-aid",
        "The United Nations appealed for $2 billion in aid for Sudan on Wednesday. Secretary-General "
        "Antonio Guterres said millions of people had fled the fighting in Khartoum. The World Food "
        "Programme warned that food supplies would run out within weeks.",
    ),
    (
        "un-talks",
        "Talks between the army and the Rapid Support Forces resumed in Jeddah, Saudi Arabia, on "
        "Thursday. The U.N. envoy, Ramtane Lamamra, urged both sides to agree to a ceasefire. "
        "Guterres welcomed the talks.",
    ),
    (
        "court-ruling",
        "Judge Ana Ruiz of the Supreme Court ruled on Friday that the mining company Andes Copper must "
        "pay a fine of $40 million. Ruiz said the company had polluted rivers near Antofagasta. "
        "Andes Copper said it would appeal the ruling.",
    ),
    (
        "copper-appeal",
        "Shares in Andes Copper fell 6 percent in Santiago after the ruling. The company's chairman, "
        "Felipe Soto, told investors that the fine would not affect its plans. Soto did not say when "
        "the appeal would be filed.",
    ),
    (
        "storm",
        "Hurricane Delia made landfall near Veracruz, Mexico, late on Saturday, the National Hurricane "
        "Center said. President Claudia Sheinbaum ordered the army to help with evacuations. Delia "
        "weakened as it moved inland.",
    ),
    (
        "harbour-visit",
        "Gabriel Rojas arrived in Oslo on Sunday for a two-day visit. Rojas and Solberg will sign "
        "the shipping agreement on Monday, Norway's foreign ministry said.",
    ),
]
