package dev.recoup.demo;

import dev.recoup.demo.Regions.Region;

/**
 * Chinese names, phone numbers, e-mail addresses, street addresses, occupations and employers.
 * Surnames follow their real frequency (王, 李, 张 and 刘 alone are a quarter of the population);
 * company names are made up from common words so that none is a real firm.
 */
final class People {

    /** Surname and weight in per mille, roughly the 2020 census order. */
    private static final Weighted<String> SURNAMES = Weighted.of(
            "王", 71, "李", 70, "张", 67, "刘", 54, "陈", 45, "杨", 31, "黄", 23, "赵", 22, "吴", 20, "周", 19,
            "徐", 16, "孙", 15, "马", 14, "朱", 13, "胡", 13, "郭", 12, "何", 11, "林", 11, "高", 11, "罗", 10,
            "郑", 9, "梁", 9, "谢", 8, "宋", 7, "唐", 7, "许", 7, "韩", 7, "冯", 7, "邓", 7, "曹", 6,
            "彭", 6, "曾", 6, "肖", 6, "田", 6, "董", 5, "潘", 5, "袁", 5, "蔡", 5, "蒋", 5, "余", 5,
            "于", 5, "杜", 5, "叶", 5, "程", 5, "魏", 4, "苏", 4, "吕", 4, "丁", 4, "任", 4, "卢", 4,
            "姚", 4, "沈", 4, "钟", 4, "姜", 4, "崔", 4, "谭", 4, "陆", 4, "范", 3, "汪", 3, "廖", 3,
            "石", 3, "金", 3, "韦", 3, "贾", 3, "夏", 3, "付", 3, "方", 3, "邹", 3, "熊", 3, "白", 3,
            "孟", 3, "秦", 3, "邱", 3, "侯", 3, "江", 3, "尹", 3, "薛", 3, "闫", 2, "段", 2, "雷", 2,
            "龙", 2, "黎", 2, "史", 2, "陶", 2, "贺", 2, "毛", 2, "郝", 2, "顾", 2, "龚", 2, "邵", 2,
            "万", 2, "覃", 2, "武", 2, "钱", 2, "戴", 2, "严", 2, "欧阳", 1, "上官", 1);

    private static final String MALE_GIVEN = "伟强磊军洋勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建国峰亮成东文博志海晨睿轩泽宏振家天浩子豪";
    private static final String FEMALE_GIVEN = "芳娜敏静丽艳娟霞秀燕玲桂丹萍红玉兰琳雪婷慧莉倩颖晶洁佳欣怡雯悦梦璐嘉琪思雨涵萱媛蕾薇月晓春美";

    /** Mobile number prefixes of the three carriers (and their virtual operators). */
    private static final String[] MOBILE_PREFIXES = {
            "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153",
            "155", "156", "157", "158", "159", "166", "177", "180", "181", "182", "183", "184", "185", "186",
            "187", "188", "189", "191", "198", "199"};

    private static final String[] MAIL_DOMAINS = {"163.com", "126.com", "sina.com", "foxmail.com", "outlook.com", "139.com"};
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private static final String[] STREETS = {
            "人民路", "中山路", "解放路", "建设路", "和平路", "新华路", "文化路", "长江路", "黄河路", "朝阳路",
            "光明路", "幸福路", "胜利路", "青年路", "东风路", "健康路", "公园路", "学府路", "滨江路", "迎宾路",
            "振兴路", "团结路", "红旗路", "民主路", "南京路", "北京路", "工业大道", "科技路", "金融街", "花园路"};
    private static final String[] ESTATES = {
            "阳光花园", "幸福里", "金色家园", "翠苑新村", "锦绣华庭", "怡景苑", "和平里小区", "东方明珠苑",
            "名仕豪庭", "春晓苑", "康乐新村", "世纪花园", "丽景湾", "绿洲小区", "紫荆苑", "百合小区"};

    private static final String[] FIRM_WORDS = {
            "华信", "宏达", "金鑫", "恒通", "新世纪", "东方", "联创", "盛世", "博远", "瑞丰", "中天", "鼎盛", "顺发",
            "天成", "永兴", "鑫源", "汇通", "嘉禾", "佳美", "兴业", "振华", "远航", "明达", "安泰", "富强", "德润"};
    private static final String[] INDUSTRIES = {
            "科技", "贸易", "商贸", "信息技术", "电子", "实业", "建设工程", "物流", "物业管理", "餐饮管理", "服装",
            "医药", "房地产开发", "广告", "汽车销售服务", "机械制造", "食品", "家具", "网络科技", "劳务派遣"};
    private static final String[] OWNER_INDUSTRIES = {"实业", "贸易", "商贸", "建筑工程", "机械制造", "食品", "纺织", "电子", "装饰工程"};
    private static final String[] SHOPS = {"餐馆", "面馆", "五金店", "便利店", "服装店", "水果店", "理发店", "汽车修理部", "小吃店", "建材店"};
    private static final String[] BUREAUS = {"税务局", "人力资源和社会保障局", "市场监督管理局", "教育局", "住房和城乡建设局", "公安分局"};
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};

    /** Where an occupation's employer name comes from. */
    private enum EmployerKind { COMPANY, SCHOOL, HOSPITAL, GOVERNMENT, SHOP_OWNER, SHOP, DELIVERY, NONE }

    private record Occupation(String name, EmployerKind employer) {
    }

    private static final Weighted<Occupation> OCCUPATIONS = Weighted.of(
            new Occupation("公司职员", EmployerKind.COMPANY), 22,
            new Occupation("销售人员", EmployerKind.COMPANY), 8,
            new Occupation("工人", EmployerKind.COMPANY), 10,
            new Occupation("司机", EmployerKind.COMPANY), 5,
            new Occupation("程序员", EmployerKind.COMPANY), 4,
            new Occupation("会计", EmployerKind.COMPANY), 3,
            new Occupation("保安", EmployerKind.COMPANY), 2,
            new Occupation("教师", EmployerKind.SCHOOL), 4,
            new Occupation("医护人员", EmployerKind.HOSPITAL), 3,
            new Occupation("公务员", EmployerKind.GOVERNMENT), 2,
            new Occupation("外卖骑手", EmployerKind.DELIVERY), 4,
            new Occupation("快递员", EmployerKind.DELIVERY), 3,
            new Occupation("厨师", EmployerKind.SHOP), 3,
            new Occupation("服务员", EmployerKind.SHOP), 4,
            new Occupation("个体工商户", EmployerKind.SHOP_OWNER), 9,
            new Occupation("自由职业", EmployerKind.NONE), 6,
            new Occupation("务农", EmployerKind.NONE), 3);

    private People() {
    }

    static String surname(DemoRandom random) {
        return SURNAMES.draw(random);
    }

    /** One or (three times in four) two characters. */
    static String givenName(DemoRandom random, boolean male) {
        String characters = male ? MALE_GIVEN : FEMALE_GIVEN;
        char first = random.pick(characters);
        return random.chance(0.25) ? String.valueOf(first) : "" + first + random.pick(characters);
    }

    static String fullName(DemoRandom random, boolean male) {
        return surname(random) + givenName(random, male);
    }

    /** 11 digits, 1[3-9]xxxxxxxxx. */
    static String mobile(DemoRandom random) {
        StringBuilder phone = new StringBuilder(11).append(random.pick(MOBILE_PREFIXES));
        for (int i = 0; i < 8; i++) {
            phone.append((char) ('0' + random.nextInt(10)));
        }
        return phone.toString();
    }

    /** Mostly QQ mail, as in real Chinese portfolios. */
    static String email(DemoRandom random) {
        StringBuilder mail = new StringBuilder();
        if (random.chance(0.55)) {
            mail.append((char) ('1' + random.nextInt(9)));
            int digits = random.between(5, 9);
            for (int i = 0; i < digits; i++) {
                mail.append((char) ('0' + random.nextInt(10)));
            }
            return mail.append("@qq.com").toString();
        }
        int letters = random.between(3, 8);
        for (int i = 0; i < letters; i++) {
            mail.append(random.pick(LETTERS));
        }
        int digits = random.between(0, 4);
        for (int i = 0; i < digits; i++) {
            mail.append((char) ('0' + random.nextInt(10)));
        }
        return mail.append('@').append(random.pick(MAIL_DOMAINS)).toString();
    }

    /** "广东省深圳市南山区科技路88号锦绣华庭3栋1202室" */
    static String address(DemoRandom random, Region region) {
        StringBuilder address = new StringBuilder(40).append(region.addressPrefix())
                .append(random.pick(STREETS)).append(random.between(1, 999)).append('号');
        if (random.chance(0.8)) {
            address.append(random.pick(ESTATES)).append(random.between(1, 30)).append('栋')
                    .append(random.between(1, 32) * 100 + random.between(1, 6)).append('室');
        }
        return address.toString();
    }

    /** Occupation and employer; business owners are who takes small-business loans. */
    static String[] occupationAndEmployer(DemoRandom random, Region region, String surname, boolean businessOwner) {
        if (businessOwner) {
            return random.chance(0.6)
                    ? new String[] {"私营企业主", firm(random, region, OWNER_INDUSTRIES)}
                    : new String[] {"个体工商户", shop(random, region, surname)};
        }
        Occupation occupation = OCCUPATIONS.draw(random);
        String city = region.cityShortName();
        String place = region.district().isEmpty() ? region.city() : region.district();
        String employer = switch (occupation.employer()) {
            case COMPANY -> firm(random, region, INDUSTRIES);
            case SCHOOL -> random.chance(0.5)
                    ? city + "市第" + random.pick(NUMERALS) + "中学"
                    : place + "实验小学";
            case HOSPITAL -> random.chance(0.6)
                    ? city + "市第" + random.pick(NUMERALS) + "人民医院"
                    : place + "人民医院";
            case GOVERNMENT -> place + random.pick(BUREAUS);
            case SHOP_OWNER -> shop(random, region, surname);
            case SHOP -> random.chance(0.5) ? shop(random, region, surname(random)) : city + random.pick(FIRM_WORDS) + "餐饮管理有限公司";
            case DELIVERY -> city + random.pick(FIRM_WORDS) + (random.chance(0.5) ? "配送服务有限公司" : "快递有限公司");
            case NONE -> "";
        };
        return new String[] {occupation.name(), employer};
    }

    static String firm(DemoRandom random, Region region, String[] industries) {
        return region.cityShortName() + random.pick(FIRM_WORDS) + random.pick(industries) + "有限公司";
    }

    private static String shop(DemoRandom random, Region region, String surname) {
        String place = region.district().isEmpty() ? region.city() : region.district();
        return place + surname + "记" + random.pick(SHOPS);
    }
}
